import { createBrowserRouter, Navigate } from 'react-router-dom';
import { RequireAuth } from '../features/auth/components/require-auth';
import { AppLayout } from './layout/app-layout';
import { CustomerDetailRoute } from './routes/customer-detail';
import { CustomersRoute } from './routes/customers';
import { FlowsRoute } from './routes/flows';
import { ImportRoute } from './routes/import';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { OrderDetailRoute } from './routes/order-detail';
import { OrdersRoute } from './routes/orders';
import { OutboxRoute } from './routes/outbox';
import { PlaceholderRoute } from './routes/placeholder';
import { SettingsRoute } from './routes/settings';
import { ShipmentDetailRoute } from './routes/shipment-detail';
import { ShipmentsRoute } from './routes/shipments';
import { TemplatesRoute } from './routes/templates';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginRoute /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <Navigate to="/shipments" replace /> },
        { path: 'shipments', element: <ShipmentsRoute /> },
        { path: 'shipments/:id', element: <ShipmentDetailRoute /> },
        { path: 'orders', element: <OrdersRoute /> },
        { path: 'orders/:id', element: <OrderDetailRoute /> },
        { path: 'customers', element: <CustomersRoute /> },
        { path: 'customers/:id', element: <CustomerDetailRoute /> },
        { path: 'flows', element: <FlowsRoute /> },
        { path: 'templates', element: <TemplatesRoute /> },
        { path: 'templates/:id', element: <TemplatesRoute /> },
        {
          path: 'tracking-page',
          element: (
            <PlaceholderRoute
              title="Tracking page"
              summary="Here you will design the branded tracking page your customers open from every message."
            />
          ),
        },
        {
          path: 'analytics',
          element: (
            <PlaceholderRoute
              title="Analytics"
              summary="Here you will follow the message funnel, coupon A/B results, WISMO rate and carrier performance."
            />
          ),
        },
        { path: 'outbox', element: <OutboxRoute /> },
        { path: 'outbox/:id', element: <OutboxRoute /> },
        { path: 'import', element: <ImportRoute /> },
        { path: 'settings', element: <SettingsRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
