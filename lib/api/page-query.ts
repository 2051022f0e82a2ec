import { z } from "zod";
import { pageQuery } from "./pagination";

/** `?limit&offset` alone; list routes with filters extend `pageQuery` instead. */
export const pageQuerySchema = z.object(pageQuery);
