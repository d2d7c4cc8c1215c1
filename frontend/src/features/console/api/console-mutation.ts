import { useMutation, useQueryClient } from '@tanstack/react-query';

import { CONSOLE } from './console-state';

/** Every console action goes through the REST API; afterwards the console state is read again. */
export function useConsoleMutation<T, R>(run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: CONSOLE });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}
