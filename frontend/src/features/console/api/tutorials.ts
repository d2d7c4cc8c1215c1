import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** A published tutorial as the console lists it, with what was done with it. */
export type TutorialCard = {
  slug: string;
  shortCode: string;
  topicCode: string;
  title: string;
  summary: string;
  level: 'BEGINNER' | 'INTERMEDIATE';
  easyRead: boolean;
  path: string;
  shortUrl: string;
  counts: { smsSent: number; linkOpens: number; helpfulYes: number; helpfulNo: number };
};

/** The tutorials of a theme (suggestions for the request in hand), or those a search finds. */
export function useTutorials(search: { topic: string } | { q: string }) {
  const query =
    'q' in search ? `q=${encodeURIComponent(search.q)}` : `topic=${encodeURIComponent(search.topic)}`;
  return useQuery({
    queryKey: ['tutorials', query],
    queryFn: () => api<TutorialCard[]>('GET', `/api/tutorials?${query}`),
  });
}

/** "Envoyer par SMS": texts the citizen the tutorial's short link, from the hotline; recorded on the timeline. */
export function useSendTutorial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, slug }: { id: number; slug: string }) =>
      api('POST', `/api/tickets/${id}/tutorials/${slug}/texts`, { json: {} }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void queryClient.invalidateQueries({ queryKey: ['tutorials'] });
    },
  });
}
