import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DEFAULT_LOCALE, LOCALES } from '@postino/status';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/principal';
import { TrackingPageService } from './tracking-page.service';

// Negotiation answers with the first entry when the browser states no preference (no header, or `*`).
const NEGOTIABLE_LOCALES = [DEFAULT_LOCALE, ...LOCALES.filter((locale) => locale !== DEFAULT_LOCALE)];

/** The page is a capability URL: nothing may leak it (referrers, caches, search engines) or run in it. */
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** The customer's tracking page, linked from every notification: server-rendered HTML, no script. */
@ApiExcludeController()
@Public()
@Controller('t')
export class TrackingPageController {
  constructor(private readonly trackingPage: TrackingPageService) {}

  @Get(':token')
  async page(
    @Param('token') token: string,
    @Query('lang') lang: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const browser = req.acceptsLanguages(NEGOTIABLE_LOCALES);
    const page = await this.trackingPage.render(token, {
      requested: typeof lang === 'string' ? lang : undefined,
      browser: browser || undefined,
    });
    res
      .status(page.found ? HttpStatus.OK : HttpStatus.NOT_FOUND)
      .set(PAGE_HEADERS)
      .send(page.html);
  }
}
