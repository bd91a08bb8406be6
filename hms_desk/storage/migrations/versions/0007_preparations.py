"""preparations of an utprøving or a housing case (boligsak)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 09:00:00

* ``preparations``: the adviser's preparation — kind, status, date (UTC), purpose,
  questions, what to film and from which angles, the video meeting and
  alternative dial-in addresses, the agenda, whether the user takes part and
  the consent agreed beforehand (kind, given by role, scope), the invitation's
  UID/SEQUENCE and the case the meeting opened.  No names, no personal data.
* ``prep_participants``: who takes part by role and organisation, and who holds the camera.
* ``prep_checks``: the routine's checklist, each item ticked with who and when
  (and a result, e.g. the pre-call check's).
* ``prep_candidates``: candidate products from the catalogue with note, status
  and the parts or accessories to have ready.
* ``prep_attachments``: drawings and pictures received beforehand (anonymised,
  encrypted files in the profile; this is their metadata).

(Chained after 0006, the head of main when main was last merged in.)
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _prep_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(['preparation_id'], ['preparations.id'],
                                   name=op.f(f'fk_{table}_preparation_id_preparations'), ondelete='CASCADE')


def upgrade() -> None:
    op.create_table(
        'preparations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=32), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('starts_at', sa.DateTime(), nullable=False),
        sa.Column('duration_min', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.Text(), nullable=False),
        sa.Column('questions', sa.Text(), nullable=False),
        sa.Column('filming', sa.Text(), nullable=False),
        sa.Column('angles', sa.Text(), nullable=False),
        sa.Column('meeting_url', sa.String(length=400), nullable=False),
        sa.Column('dial_in', sa.JSON(), nullable=True),
        sa.Column('agenda', sa.Text(), nullable=False),
        sa.Column('municipality', sa.String(length=4), nullable=False),
        sa.Column('user_takes_part', sa.Boolean(), nullable=False),
        sa.Column('consent_kind', sa.String(length=20), nullable=False),
        sa.Column('consent_given_by', sa.String(length=20), nullable=False),
        sa.Column('consent_scope', sa.String(length=20), nullable=False),
        sa.Column('created_by', sa.String(length=40), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('ics_uid', sa.String(length=80), nullable=False),
        sa.Column('ics_sequence', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_preparations_case_id_cases'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_preparations')),
        sa.UniqueConstraint('ics_uid', name=op.f('uq_preparations_ics_uid')),
        sa.UniqueConstraint('number', name=op.f('uq_preparations_number')),
    )
    op.create_index(op.f('ix_preparations_case_id'), 'preparations', ['case_id'], unique=False)
    op.create_index(op.f('ix_preparations_starts_at'), 'preparations', ['starts_at'], unique=False)
    op.create_table(
        'prep_participants',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('preparation_id', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(length=40), nullable=False),
        sa.Column('organisation', sa.String(length=120), nullable=False),
        sa.Column('holds_camera', sa.Boolean(), nullable=False),
        _prep_fk('prep_participants'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_prep_participants')),
    )
    op.create_index(op.f('ix_prep_participants_preparation_id'), 'prep_participants', ['preparation_id'])
    op.create_table(
        'prep_checks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('preparation_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=30), nullable=False),
        sa.Column('done_by', sa.String(length=40), nullable=True),
        sa.Column('done_at', sa.DateTime(), nullable=True),
        sa.Column('result', sa.Text(), nullable=False),
        _prep_fk('prep_checks'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_prep_checks')),
        sa.UniqueConstraint('preparation_id', 'code', name=op.f('uq_prep_checks_preparation_id')),
    )
    op.create_index(op.f('ix_prep_checks_preparation_id'), 'prep_checks', ['preparation_id'])
    op.create_table(
        'prep_candidates',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('preparation_id', sa.Integer(), nullable=False),
        sa.Column('hmsnr', sa.String(length=6), nullable=False),
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.Column('supplier', sa.String(length=200), nullable=False),
        sa.Column('iso_category', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('parts', sa.JSON(), nullable=True),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        _prep_fk('prep_candidates'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_prep_candidates')),
        sa.UniqueConstraint('preparation_id', 'hmsnr', name=op.f('uq_prep_candidates_preparation_id')),
    )
    op.create_index(op.f('ix_prep_candidates_preparation_id'), 'prep_candidates', ['preparation_id'])
    op.create_table(
        'prep_attachments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('preparation_id', sa.Integer(), nullable=False),
        sa.Column('file_name', sa.String(length=80), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('caption', sa.String(length=200), nullable=False),
        sa.Column('width', sa.Integer(), nullable=False),
        sa.Column('height', sa.Integer(), nullable=False),
        sa.Column('faces_blurred', sa.Integer(), nullable=False),
        sa.Column('detector', sa.String(length=60), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        _prep_fk('prep_attachments'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_prep_attachments')),
        sa.UniqueConstraint('file_name', name=op.f('uq_prep_attachments_file_name')),
    )
    op.create_index(op.f('ix_prep_attachments_preparation_id'), 'prep_attachments', ['preparation_id'])


def downgrade() -> None:
    for table in ('prep_attachments', 'prep_candidates', 'prep_checks', 'prep_participants'):
        op.drop_index(op.f(f'ix_{table}_preparation_id'), table_name=table)
        op.drop_table(table)
    op.drop_index(op.f('ix_preparations_starts_at'), table_name='preparations')
    op.drop_index(op.f('ix_preparations_case_id'), table_name='preparations')
    op.drop_table('preparations')
