/** Credyt's task id: the customer and the subject its events carry, `{customer_id}:{subject}`. */
export function taskIdOf(customerId: string, subject: string): string {
  return `${customerId}:${subject}`;
}

/** The customer and subject of a task id (customer ids have no colon; subjects may), or null. */
export function parseTaskId(taskId: string): { customerId: string; subject: string } | null {
  const at = taskId.indexOf(":");
  if (at <= 0 || at === taskId.length - 1) return null;
  return { customerId: taskId.slice(0, at), subject: taskId.slice(at + 1) };
}
