"""parity with NAV's parts service: catalogue values beside hand-kept ones,
part pictures, per-line shipping, storage units as NAV maps them

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-29 09:00:00

* ``parts.catalog_name/catalog_image/catalog_is_spare_part/catalog_is_accessory``:
  what NAV's catalogue (grunndata) says about a part, kept beside the
  hand-kept values: NAV shows the catalogue's name, category, quantities,
  flags and picture when the part comes from the catalogue for a device.
* ``part_pictures``: a picture an import carried (blurred before storing).
* ``order_lines.status/shipped_on``: NAV's per-line shipping confirmation.
* Data: the municipalities of the former Akershus county (32xx) move from
  4701 to 4703 Oslo and those of former Nord-Trøndelag (50xx) from 4717 to
  4716 (NAV's ``FinnLagerenhet``); rows a department changed by hand to
  something else are left alone.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('parts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('catalog_name', sa.String(length=400), nullable=True))
        batch_op.add_column(sa.Column('catalog_image', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('catalog_is_spare_part', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('catalog_is_accessory', sa.Boolean(), nullable=True))
    op.create_table(
        'part_pictures',
        sa.Column('part_hmsnr', sa.String(length=6), nullable=False),
        sa.Column('source', sa.String(length=500), nullable=False),
        sa.Column('media_type', sa.String(length=40), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['part_hmsnr'], ['parts.hmsnr'],
                                name=op.f('fk_part_pictures_part_hmsnr_parts'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('part_hmsnr', name=op.f('pk_part_pictures')),
    )
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('shipped_on', sa.Date(), nullable=True))
    op.execute("UPDATE municipalities SET hms_unit = '4703' "
               "WHERE number LIKE '32%' AND hms_unit = '4701'")
    op.execute("UPDATE municipalities SET hms_unit = '4716' "
               "WHERE number LIKE '50%' AND hms_unit = '4717'")


def downgrade() -> None:
    op.execute("UPDATE municipalities SET hms_unit = '4701' WHERE number LIKE '32%' AND hms_unit = '4703'")
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_column('shipped_on')
        batch_op.drop_column('status')
    op.drop_table('part_pictures')
    with op.batch_alter_table('parts', schema=None) as batch_op:
        batch_op.drop_column('catalog_is_accessory')
        batch_op.drop_column('catalog_is_spare_part')
        batch_op.drop_column('catalog_image')
        batch_op.drop_column('catalog_name')
