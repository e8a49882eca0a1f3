import { EmailTemplateSource } from './compile-email-template';

/** The "status update" email every new shop starts from (and the demo template). */
export const DEFAULT_EMAIL_TEMPLATE: EmailTemplateSource = {
  subject: '{{ merchant.name }}: your order {{ shipment.order_number }} is {{ shipment.status_label | downcase }}',
  mjml: `<mjml lang="en">
  <mj-head>
    <mj-title>{{ merchant.name }}: {{ shipment.status_label }}</mj-title>
    <mj-preview>{{ shipment.status_label }} – track your order from {{ merchant.name }}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text color="#1f2937" font-size="16px" line-height="24px" />
      <mj-section padding="0 16px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="600px">
    <mj-section padding="24px 16px 0">
      <mj-column background-color="#1e3a5f" border-radius="8px 8px 0 0" padding="20px 0">
        <mj-text align="center" color="#ffffff" font-size="22px" font-weight="bold" letter-spacing="0.5px">{{ merchant.name }}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section>
      <mj-column background-color="#ffffff" padding="16px 8px">
        <mj-text font-size="18px">{% if customer.first_name %}Hi {{ customer.first_name }},{% else %}Hello,{% endif %}</mj-text>
        <mj-text>Here is the latest news about your order{% if shipment.order_number %} <strong>{{ shipment.order_number }}</strong>{% endif %}.</mj-text>
        <mj-text padding-bottom="0" color="#6b7280" font-size="12px" font-weight="bold" text-transform="uppercase" letter-spacing="1px">Status</mj-text>
        <mj-text padding-top="4px" color="#1e3a5f" font-size="26px" line-height="32px" font-weight="bold">{{ shipment.status_label }}</mj-text>
        <mj-text padding-top="0" color="#4b5563">{% if shipment.substatus_label %}{{ shipment.substatus_label }}{% endif %}</mj-text>
        <mj-button href="{{ tracking_url }}" background-color="#e4572e" color="#ffffff" font-size="16px" font-weight="bold" border-radius="6px" inner-padding="14px 28px" padding="16px 25px 24px">Track your order</mj-button>
        <mj-text color="#4b5563" font-size="14px" line-height="20px">{{ shipment.carrier_name }} tracking number: <strong>{{ shipment.tracking_number }}</strong></mj-text>
      </mj-column>
    </mj-section>
    <mj-section>
      <mj-column background-color="#ffffff" border-radius="0 0 8px 8px" padding="0 8px 16px">
        <mj-divider border-color="#e5e7eb" border-width="1px" padding="0 25px 16px" />
        <mj-text font-size="14px" line-height="20px">{% if shipment.last_event %}<strong>Latest update</strong><br />{{ shipment.last_event.description }}{% if shipment.last_event.location %} – {{ shipment.last_event.location }}{% endif %}<br /><span style="color:#6b7280">{{ shipment.last_event.occurred_at }}</span>{% else %}We will let you know as soon as the carrier reports news.{% endif %}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 16px 32px">
      <mj-column>
        <mj-text align="center" color="#6b7280" font-size="12px" line-height="18px">You are receiving this email because you ordered from {{ merchant.name }}.<br />Questions about your delivery? Just reply to this email.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`,
};
