"""documents: journal-note drafts, deviations (avvik) in full

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 12:00:00

* ``journal_drafts``: the journal note being written, one row per case,
  saved as it is typed so a crash loses nothing (``data`` is the note as
  JSON, ``revision`` counts the saves).
* ``deviations`` gains what a deviation report needs: a number
  (``A-YYYY-NNNNNN``), when it happened, the consequence and the measures
  taken, and who reported it to whom — by role and organisation, never by
  name.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('journal_drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=40), nullable=False),
    sa.Column('exported_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_journal_drafts_case_id_cases'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_drafts')),
    sa.UniqueConstraint('case_id', name=op.f('uq_journal_drafts_case_id'))
    )
    with op.batch_alter_table('deviations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('occurred_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('consequence', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('measures', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('reporter_role', sa.String(length=60), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('reporter_org', sa.String(length=120), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('recipient_role', sa.String(length=60), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('recipient_org', sa.String(length=120), nullable=False, server_default=''))
        batch_op.create_unique_constraint(batch_op.f('uq_deviations_number'), ['number'])
        batch_op.create_index(batch_op.f('ix_deviations_occurred_at'), ['occurred_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('deviations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deviations_occurred_at'))
        batch_op.drop_constraint(batch_op.f('uq_deviations_number'), type_='unique')
        for col in ('recipient_org', 'recipient_role', 'reporter_org', 'reporter_role', 'measures',
                    'consequence', 'occurred_at', 'number'):
            batch_op.drop_column(col)
    op.drop_table('journal_drafts')
