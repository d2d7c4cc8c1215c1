import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** A theme as the phone menu offers it (or no longer does: `active` false, no key). */
export type MenuTopic = {
  code: string;
  nameFr: string;
  nameEn: string;
  menuDigit: string | null;
  linkUrl: string | null;
  spokenFr: string | null;
  active: boolean;
};

/** Every theme in the menu's order; its `version` goes with every change, so that none is overwritten. */
export type Menu = { topics: MenuTopic[]; version: number };

const MENU = ['settings', 'menu'];

export function useMenu() {
  return useQuery({ queryKey: MENU, queryFn: () => api<Menu>('GET', '/api/settings/menu') });
}

/** The whole menu at once; the answer is the menu as it now is, with its new version. */
export function useReplaceMenu() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (menu: Menu) => api<Menu>('PUT', '/api/settings/menu', { json: menu }),
    onSuccess: (menu) => {
      queryClient.setQueryData(MENU, menu);
      // the themes offered elsewhere in the app (sign-up, tutorials, volunteers' files)
      void queryClient.invalidateQueries({ queryKey: ['topics'] });
    },
  });
}
