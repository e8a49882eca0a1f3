import { Controller, Get, Header, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  createImportQuerySchema,
  importPageSchema,
  importTemplateParamsSchema,
  importViewSchema,
  listImportsQuerySchema,
} from '@postino/api-contract';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { describeColumns } from './import-docs';
import { ImportsService } from './imports.service';

class CreateImportQueryDto extends createZodDto(createImportQuerySchema) {}
class TemplateParamsDto extends createZodDto(importTemplateParamsSchema) {}
class ListImportsQueryDto extends createZodDto(listImportsQuerySchema) {}
class ImportDto extends createZodDto(importViewSchema) {}
class ImportPageDto extends createZodDto(importPageSchema) {}

@ApiTags('imports')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Import orders (with their shipments) or products from a CSV file',
    description:
      'The body is the CSV file itself (UTF-8 with or without BOM; comma or semicolon, detected from the header), ' +
      'streamed: it is parsed and applied 500 rows at a time while it uploads, and the answer comes when the whole ' +
      'file has been read and applied. Meanwhile GET /api/v1/imports lists it as running with its progress. A bad ' +
      'row is reported (GET /api/v1/imports/{id}/errors.csv) and the others are kept; importing the same file ' +
      `again changes nothing. A file refused whole (empty, not UTF-8, a required column missing) answers 400.\n\n${describeColumns()}`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ZodResponse({ status: 202, type: ImportDto })
  create(
    @MerchantId() merchantId: string,
    @Query() query: CreateImportQueryDto,
    @Req() req: Request,
    @Headers('content-type') contentType: string | undefined,
    @Headers('content-length') contentLength: string | undefined,
  ) {
    return this.imports.importFile(merchantId, query, { body: req, contentType, contentLength });
  }

  /** Newest first, running ones with their progress. */
  @Get()
  @ZodResponse({ status: 200, type: ImportPageDto })
  list(@MerchantId() merchantId: string, @Query() query: ListImportsQueryDto) {
    return this.imports.list(merchantId, query);
  }

  /** An example file of a kind: every column in the header and a few rows. */
  @Get('templates/:kind.csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  template(@Param() params: TemplateParamsDto, @Res({ passthrough: true }) res: Response) {
    res.setHeader('content-disposition', `attachment; filename="postino-${params.kind}-import.csv"`);
    return this.imports.template(params.kind);
  }

  /** Progress: rows done and failed, bytes read of the total, state. */
  @Get(':id')
  @ZodResponse({ status: 200, type: ImportDto })
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.imports.get(merchantId, id);
  }

  /** The refused rows as CSV: row (the header is row 1), column, reason. */
  @Get(':id/errors.csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async errors(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Res({ passthrough: true }) res: Response) {
    const csv = await this.imports.errorsCsv(merchantId, id);
    res.setHeader('content-disposition', `attachment; filename="import-${id}-errors.csv"`);
    return csv;
  }
}
