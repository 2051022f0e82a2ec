"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AutoTopUpOverview } from "@/lib/domain/payments/auto-top-up/view";
import type { CardView } from "@/lib/domain/payments/cards/cards";
import type { TopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { paymentKeys } from "./keys";
import { portalFetch } from "./portal-fetch";

export interface CardsResponse {
  test_mode: boolean;
  cards: CardView[];
}

const PENDING = new Set(["initiated", "declined", "processing"]);

/** One top-up, polled every 2 s while the payment is still on its way. */
export function useTopUp(initial: TopUpView) {
  return useQuery({
    queryKey: paymentKeys.topUp(initial.id),
    queryFn: () => portalFetch<TopUpView>(`/api/portal/top-ups/${initial.id}`),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && PENDING.has(q.state.data.status) ? 2000 : false),
  });
}

export function useRecentTopUps(initial: TopUpView[]) {
  return useQuery({
    queryKey: paymentKeys.topUps,
    queryFn: async () => (await portalFetch<{ items: TopUpView[] }>("/api/portal/top-ups")).items,
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.some((t) => PENDING.has(t.status)) ? 3000 : false),
  });
}

/** Starts a top-up and goes to Checkout. */
export function useStartTopUp() {
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => portalFetch<{ id: string; redirect_url: string }>("/api/portal/top-ups", { method: "POST", body }),
    onSuccess: (data) => window.location.assign(data.redirect_url),
  });
}

export function useCancelTopUp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => portalFetch<TopUpView>(`/api/portal/top-ups/${id}/cancel`, { method: "POST" }),
    onSuccess: (data) => client.setQueryData(paymentKeys.topUp(id), data),
  });
}

export function useCards(initial?: CardsResponse) {
  return useQuery({ queryKey: paymentKeys.cards, queryFn: () => portalFetch<CardsResponse>("/api/portal/payment-methods"), initialData: initial });
}

/** Card changes also change auto top-up (removing its card switches it off), so both refresh. */
function useCardMutation<V>(fn: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: paymentKeys.cards }), client.invalidateQueries({ queryKey: paymentKeys.autoTopUp })]),
  });
}

export function useAddCard() {
  return useMutation({
    mutationFn: () => portalFetch<{ redirect_url: string }>("/api/portal/payment-methods", { method: "POST" }),
    onSuccess: (data) => window.location.assign(data.redirect_url),
  });
}

export const useMakeDefaultCard = () => useCardMutation((id: string) => portalFetch(`/api/portal/payment-methods/${id}/default`, { method: "POST" }));
export const useRemoveCard = () => useCardMutation((id: string) => portalFetch(`/api/portal/payment-methods/${id}`, { method: "DELETE" }));

export function useAutoTopUp(initial: AutoTopUpOverview) {
  return useQuery({
    queryKey: paymentKeys.autoTopUp,
    queryFn: () => portalFetch<AutoTopUpOverview>("/api/portal/auto-top-up"),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.accounts.some((a) => a.attempts.some((t) => t.status === "pending" || t.status === "processing")) ? 2000 : 10_000),
  });
}

export function useAutoTopUpAction<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: paymentKeys.autoTopUp }) });
}

export const saveAutoTopUp = (accountId: string, body: Record<string, unknown>) =>
  portalFetch<{ saved: boolean; charge: { result: string; reason: string | null } | null }>(`/api/portal/auto-top-up/${accountId}`, { method: "PUT", body });
export const retryAutoTopUp = (accountId: string) => portalFetch<{ result: string; reason: string | null }>(`/api/portal/auto-top-up/${accountId}/retry`, { method: "POST" });
export const confirmCard = async (accountId: string) => {
  const { redirect_url } = await portalFetch<{ redirect_url: string }>(`/api/portal/auto-top-up/${accountId}/confirm-card`, { method: "POST" });
  window.location.assign(redirect_url);
};
