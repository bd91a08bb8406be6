"""exported files: documents with case details or pictures, where they went, whether deleted

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 22:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'exported_files',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('file_name', sa.String(length=255), nullable=False),
        sa.Column('folder', sa.String(length=1000), nullable=False),
        sa.Column('in_profile', sa.Boolean(), nullable=False),
        sa.Column('has_pictures', sa.Boolean(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('exported_at', sa.DateTime(), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_exported_files_case_id_cases'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_exported_files')),
    )
    op.create_index(op.f('ix_exported_files_case_id'), 'exported_files', ['case_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_exported_files_case_id'), table_name='exported_files')
    op.drop_table('exported_files')
