import { useQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** What the home page needs of the tutorial editor's list: which ones wait for a coordinator. */
type TutorialRow = { slug: string; published: boolean; needsReview: boolean };

/** What waits for a coordinator: sign-ups to approve, tutorials to check again, drafts not yet published. */
export type ToDo = { applications: number; tutorialsToReview: number; drafts: number };

export function useCoordinatorToDo() {
  return useQuery({
    queryKey: ['home', 'to-do'],
    queryFn: async (): Promise<ToDo> => {
      const [applications, tutorials] = await Promise.all([
        api<unknown[]>('GET', '/api/volunteer-applications'),
        api<TutorialRow[]>('GET', '/api/tutorials/editor'),
      ]);
      return {
        applications: applications.length,
        tutorialsToReview: tutorials.filter((row) => row.published && row.needsReview).length,
        drafts: tutorials.filter((row) => !row.published).length,
      };
    },
  });
}
