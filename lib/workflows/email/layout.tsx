import { Body, Button, Container, Head, Heading, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";

export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  rows: { label: string; value: string }[];
  button: { label: string; url: string } | null;
  note: string | null;
}

export interface EmailFrame {
  lang: string;
  dir: "ltr" | "rtl";
  brandName: string;
  logoUrl: string | null;
  /** The platform's primary colour and the text colour readable on it. */
  color: string;
  colorText: string;
  footer: string;
  unsubscribe: { label: string; url: string } | null;
}

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, 'Noto Sans', sans-serif";

/**
 * One layout for every message: table-based markup and inline styles from react-email, which Outlook,
 * Gmail and Apple Mail all render; no web fonts, no background images, nothing loaded but the logo.
 */
export function EmailLayout({ content, frame }: { content: EmailContent; frame: EmailFrame }) {
  return (
    <Html lang={frame.lang} dir={frame.dir}>
      <Head />
      <Preview>{content.heading}</Preview>
      <Body style={{ backgroundColor: "#f4f5f7", fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 560, padding: "32px 32px 24px", borderTop: `4px solid ${frame.color}` }}>
          {frame.logoUrl ? (
            <Img src={frame.logoUrl} alt={frame.brandName} height={32} style={{ marginBottom: 16 }} />
          ) : (
            <Text style={{ fontSize: 16, fontWeight: 600, margin: "0 0 16px", color: "#111827" }}>{frame.brandName}</Text>
          )}
          <Heading as="h1" style={{ fontSize: 22, color: "#111827", margin: "0 0 16px" }}>
            {content.heading}
          </Heading>
          {content.paragraphs.map((p) => (
            <Text key={p} style={{ fontSize: 15, lineHeight: "24px", color: "#1f2937", margin: "0 0 12px" }}>
              {p}
            </Text>
          ))}
          {content.rows.length > 0 && (
            <Section style={{ margin: "8px 0 16px", borderTop: "1px solid #e5e7eb" }}>
              {content.rows.map((r) => (
                <Text key={r.label} style={{ fontSize: 14, margin: 0, padding: "8px 0", borderBottom: "1px solid #e5e7eb", color: "#374151" }}>
                  {r.label}: <strong style={{ color: "#111827" }}>{r.value}</strong>
                </Text>
              ))}
            </Section>
          )}
          {content.button && (
            <Section style={{ margin: "20px 0" }}>
              <Button href={content.button.url} style={{ backgroundColor: frame.color, color: frame.colorText, borderRadius: 6, padding: "12px 20px", fontSize: 15, fontWeight: 600 }}>
                {content.button.label}
              </Button>
            </Section>
          )}
          {content.note && <Text style={{ fontSize: 13, lineHeight: "20px", color: "#4b5563" }}>{content.note}</Text>}
          <Hr style={{ borderColor: "#e5e7eb", margin: "24px 0 12px" }} />
          <Text style={{ fontSize: 12, lineHeight: "18px", color: "#6b7280", margin: 0 }}>{frame.footer}</Text>
          {frame.unsubscribe && (
            <Link href={frame.unsubscribe.url} style={{ fontSize: 12, color: "#4b5563", textDecoration: "underline" }}>
              {frame.unsubscribe.label}
            </Link>
          )}
        </Container>
      </Body>
    </Html>
  );
}
