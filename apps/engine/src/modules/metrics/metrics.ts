import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One registry per engine process; every metric of the engine is registered here. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'postino_' });

const httpDuration = new Histogram({
  name: 'postino_http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** Rows each stage of the flow pipeline handled (events matched, steps run), by stage. */
export const pipelineRows = new Counter({
  name: 'postino_pipeline_rows_total',
  help: 'Rows handled by each stage of the flow pipeline',
  labelNames: ['stage'],
  registers: [metricsRegistry],
});

export const messagesSettled = new Counter({
  name: 'postino_messages_settled_total',
  help: 'Messages settled by the sender, by the state they reached',
  labelNames: ['state'],
  registers: [metricsRegistry],
});

/** Labels by route pattern (`/api/v1/shipments/:id`), never by raw URL, to keep cardinality bounded. */
export function httpMetricsMiddleware(req: Request, res: Response, next: NextFunction): void {
  const end = httpDuration.startTimer();
  res.on('finish', () => {
    const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
}
