import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_SHIPMENT_WATCH_SETTINGS, type ShipmentWatchSettings } from '@postino/api-contract';
import { DataSource } from 'typeorm';

const COLUMNS = `stall_after_hours AS "stallAfterHours", stall_after_hours_by_carrier AS "stallAfterHoursByCarrier"`;

@Injectable()
export class ShipmentWatchSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(merchantId: string): Promise<ShipmentWatchSettings> {
    const [row]: ShipmentWatchSettings[] = await this.db.query(
      `SELECT ${COLUMNS} FROM shipment_watch_settings WHERE merchant_id = $1`,
      [merchantId],
    );
    return row ?? DEFAULT_SHIPMENT_WATCH_SETTINGS;
  }

  async put(merchantId: string, settings: ShipmentWatchSettings): Promise<ShipmentWatchSettings> {
    const [row]: ShipmentWatchSettings[] = await this.db.query(
      `INSERT INTO shipment_watch_settings (merchant_id, stall_after_hours, stall_after_hours_by_carrier, updated_at)
       VALUES ($1, $2, $3::jsonb, now())
       ON CONFLICT (merchant_id) DO UPDATE
         SET stall_after_hours = EXCLUDED.stall_after_hours,
             stall_after_hours_by_carrier = EXCLUDED.stall_after_hours_by_carrier, updated_at = now()
       RETURNING ${COLUMNS}`,
      [merchantId, settings.stallAfterHours, JSON.stringify(settings.stallAfterHoursByCarrier)],
    );
    return row;
  }
}
