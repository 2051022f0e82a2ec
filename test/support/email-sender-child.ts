// A sender process for the kill test: opens the test database, sends one outbox message, and is killed
// with SIGKILL while the mail server has not answered.
import { openDatabase } from "@/lib/kernel/db/open";
import { sendEmailMessage } from "@/lib/workflows/email/send";

const [url, messageId] = process.argv.slice(2);
const database = await openDatabase({ url: url!, migrate: false });
await sendEmailMessage(database.db, messageId!);
await database.close();
