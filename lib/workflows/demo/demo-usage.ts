import { DAY_MS } from "./demo-history";
import { seededRandom } from "./random";

/** A usage event in the shape POST /events takes, with its time as a Date for ordering. */
export interface DemoEvent {
  at: Date;
  body: {
    id: string;
    event_type: string;
    occurred_at: string;
    subject: string;
    description: string;
    data: Record<string, string | number>;
    costs?: { vendor_external_id: string; amount: number; currency: string; description: string }[];
  };
}

const MODELS = [
  { model: "glitch-4", weight: 0.45, label: "Glitch-4" },
  { model: "glitch-4-mini", weight: 0.45, label: "Glitch-4 mini" },
  { model: "glitch-3", weight: 0.1, label: "Glitch-3 (legacy)" },
];

/** The API keys a demo customer's usage arrives with (a spend lane the demo platform makes visible). */
const API_KEYS = ["prod-server", "prod-server", "prod-server", "staging", "notebook"];

/** Spread over the keys by event number rather than by the random stream, so the usage itself stays as it was. */
const apiKeyOf = (n: number) => API_KEYS[(n * 7) % API_KEYS.length]!;

/**
 * About six months of chat, video and image usage for one customer, oldest first: busier on
 * weekdays, growing over time, scaled by how heavy a user the customer is. Deterministic per seed.
 */
export function usage(seed: number, prefix: string, intensity: number, now: Date): DemoEvent[] {
  const random = seededRandom(seed);
  const out: DemoEvent[] = [];
  let n = 0;
  const push = (at: Date, event_type: string, subject: string, description: string, data: DemoEvent["body"]["data"], costs?: DemoEvent["body"]["costs"]) => {
    if (at >= now) return;
    const id = `${prefix}-${++n}`;
    out.push({ at, body: { id, event_type, occurred_at: at.toISOString(), subject, description, data: { ...data, api_key: apiKeyOf(n) }, ...(costs ? { costs } : {}) } });
  };
  for (let daysAgo = 180; daysAgo >= 0; daysAgo--) {
    const day = new Date(now.getTime() - daysAgo * DAY_MS);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const level = intensity * (weekend ? 0.4 : 1) * (0.6 + ((180 - daysAgo) / 180) * 0.8);
    const at = () => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8) + Math.floor(random() * 14 * 3_600_000));
    const times = (mean: number) => Math.floor(random() * mean * 2 * level + random());
    for (let i = times(3); i > 0; i--) {
      const pick = random();
      const model = MODELS.find((_m, k) => pick < MODELS.slice(0, k + 1).reduce((s, x) => s + x.weight, 0)) ?? MODELS[0]!;
      const tokens = 1000 + Math.floor(random() * 39) * 1000;
      const chat = `chat_${prefix}_${n + 1}`;
      push(at(), "message_completed", chat, `Chat with ${model.label}`, { chat_id: chat, model: model.model, total_tokens: tokens }, [
        { vendor_external_id: "model_host", amount: Number(((tokens * 3) / 1_000_000).toFixed(6)), currency: "USD", description: "Inference" },
      ]);
    }
    if (random() < 0.45 * level) {
      const minutes = 1 + Math.floor(random() * 5);
      const speed = random() < 0.3 ? "fast" : "regular";
      const video = `video_${prefix}_${n + 1}`;
      push(at(), "video_generated", video, `${minutes}-minute ${speed} video`, { video_id: video, minutes, speed }, [
        { vendor_external_id: "gpu_cloud", amount: Number((minutes * 0.15).toFixed(2)), currency: "USD", description: "GPU time" },
      ]);
    }
    for (let i = times(1.8); i > 0; i--) {
      const quality = random() < 0.25 ? "hd" : "standard";
      push(at(), "image_generated", `img_${prefix}_${n + 1}`, quality === "hd" ? "HD image" : "Image", { quality });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
