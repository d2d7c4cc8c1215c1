import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export type Level = 'BEGINNER' | 'INTERMEDIATE';

export type TutorialLink = { label: string; url: string };

/** What an author writes: the text of one revision. */
export type TutorialContent = {
  topicCode: string;
  title: string;
  summary: string;
  level: Level;
  easyRead: boolean;
  prerequisites: string;
  steps: string;
  links: TutorialLink[];
  licence: string;
  reviewedOn: string;
};

export type Counts = { smsSent: number; linkOpens: number; helpfulYes: number; helpfulNo: number };

export type EditorRow = {
  slug: string;
  shortCode: string;
  topicCode: string;
  title: string;
  published: boolean;
  revision: number;
  reviewedOn: string;
  needsReview: boolean;
  updatedAt: string;
  counts: Counts;
};

export type Editable = {
  slug: string;
  shortCode: string;
  published: boolean;
  revision: number;
  needsReview: boolean;
  content: TutorialContent;
  shortUrl: string;
};

export const LICENCES = ['CC-BY-SA-4.0', 'CC-BY-4.0', 'CC0-1.0', 'etalab-2.0'] as const;

const EDITOR = ['tutorials', 'editor'];

/** Every tutorial for coordinators; a volunteer's own drafts for them. */
export function useEditorList() {
  return useQuery({ queryKey: EDITOR, queryFn: () => api<EditorRow[]>('GET', '/api/tutorials/editor') });
}

export function useEditable(slug: string | undefined) {
  return useQuery({
    queryKey: [...EDITOR, slug],
    queryFn: () => api<Editable>('GET', `/api/tutorials/editor/${slug}`),
    enabled: slug !== undefined,
  });
}

/** A revision kept of a tutorial: written here (by `author`), or loaded from a bundle. */
export type Revision = {
  revision: number;
  savedAt: string;
  origin: 'LOCAL' | 'SEED' | 'IMPORT';
  bundleRevision: number | null;
  author: string | null;
  title: string;
};

/** Every revision kept of a tutorial, the latest first. */
export function useRevisions(slug: string) {
  return useQuery({
    queryKey: [...EDITOR, slug, 'revisions'],
    queryFn: () => api<Revision[]>('GET', `/api/tutorials/editor/${slug}/revisions`),
  });
}

function useEditorMutation<T>(run: (input: T) => Promise<Editable>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (saved) => {
      queryClient.setQueryData([...EDITOR, saved.slug], saved);
      void queryClient.invalidateQueries({ queryKey: [...EDITOR, saved.slug, 'revisions'] });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: EDITOR, exact: true }),
  });
}

export function useCreateTutorial() {
  return useEditorMutation((draft: { slug: string; shortCode: string; content: TutorialContent }) =>
    api<Editable>('POST', '/api/tutorials/editor', { json: draft }),
  );
}

/** Saves a revision; refused (409) when someone saved another since `basedOn`. */
export function useUpdateTutorial() {
  return useEditorMutation(
    ({ slug, basedOn, content }: { slug: string; basedOn: number; content: TutorialContent }) =>
      api<Editable>('PUT', `/api/tutorials/editor/${slug}`, { json: { basedOn, content } }),
  );
}

export function useTutorialAction() {
  return useEditorMutation(
    ({ slug, action }: { slug: string; action: 'publish' | 'unpublish' | 'reviewed' }) =>
      api<Editable>('POST', `/api/tutorials/editor/${slug}/${action}`, { json: {} }),
  );
}

/** The HTML the text renders to on the citizen site (rendered and made safe by the server). */
export function usePreview() {
  return useMutation({
    mutationFn: (markdown: string) =>
      api<{ html: string }>('POST', '/api/tutorials/editor/preview', { json: { markdown } }),
  });
}

export type ImportReport = { added: string[]; updated: string[]; keptLocal: string[]; rejected: string[] };

/** Imports a zip bundle of tutorials (coordinators): what was added, updated, kept, refused. */
export function useImportBundle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archive: File) =>
      api<ImportReport>('POST', '/api/tutorials/editor/bundle', { file: archive, type: 'application/zip' }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: EDITOR }),
  });
}

export type UploadedImage = { id: number; url: string; width: number; height: number; size: number };

/** Uploads a picture for a step: the server reduces it and drops its metadata. */
export function useUploadImage() {
  return useMutation({
    mutationFn: (picture: File) =>
      api<UploadedImage>('POST', '/api/tutorials/editor/images', {
        file: picture,
        type: picture.type || 'application/octet-stream',
      }),
  });
}
