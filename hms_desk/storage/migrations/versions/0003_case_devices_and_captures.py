"""database id, capture intents, several devices per case

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 20:00:00

* ``app_meta``: key/value facts about the database; ``database_id`` (a random
  UUID made here) names the folder its captures are filed under, so a start
  against another database never touches this one's pictures.
* ``capture_intents``: a capture file about to be written for a case.  The
  row is committed before the file exists and replaced by the snapshot row in
  the snapshot's last step; closing the case deletes intents and their files.
* ``case_devices``: each device handled in a case, and ``snapshots.hmsnr`` /
  ``snapshots.serial``: the device a picture is of.  Existing cases get their
  one device copied in.
"""
import uuid

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'app_meta',
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('value', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta')),
    )
    op.bulk_insert(sa.table('app_meta', sa.column('key', sa.String), sa.column('value', sa.String)),
                   [{'key': 'database_id', 'value': uuid.uuid4().hex}])
    op.create_table(
        'capture_intents',
        sa.Column('file_name', sa.String(length=80), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_capture_intents_case_id_cases'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('file_name', name=op.f('pk_capture_intents')),
    )
    op.create_index(op.f('ix_capture_intents_case_id'), 'capture_intents', ['case_id'], unique=False)
    op.create_table(
        'case_devices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('hmsnr', sa.String(length=6), nullable=False),
        sa.Column('serial', sa.String(length=20), nullable=False),
        sa.Column('municipality', sa.String(length=4), nullable=True),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_devices_case_id_cases'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_devices')),
        sa.UniqueConstraint('case_id', 'hmsnr', 'serial', name=op.f('uq_case_devices_case_id')),
    )
    op.create_index(op.f('ix_case_devices_case_id'), 'case_devices', ['case_id'], unique=False)
    with op.batch_alter_table('snapshots', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hmsnr', sa.String(length=6), nullable=True))
        batch_op.add_column(sa.Column('serial', sa.String(length=20), nullable=True))
    op.execute("INSERT INTO case_devices (case_id, hmsnr, serial, municipality, added_at) "
               "SELECT id, hmsnr, serial, municipality, started_at FROM cases "
               "WHERE hmsnr IS NOT NULL AND serial IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table('snapshots', schema=None) as batch_op:
        batch_op.drop_column('serial')
        batch_op.drop_column('hmsnr')
    op.drop_index(op.f('ix_case_devices_case_id'), table_name='case_devices')
    op.drop_table('case_devices')
    op.drop_index(op.f('ix_capture_intents_case_id'), table_name='capture_intents')
    op.drop_table('capture_intents')
    op.drop_table('app_meta')
