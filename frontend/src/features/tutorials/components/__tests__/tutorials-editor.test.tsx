import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

import type { Me } from '../../../../lib/auth';
import { fakeServer, fieldProblem, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { Editable, EditorRow } from '../../api/tutorials';
import { TutorialEditorPage } from '../tutorial-editor-page';
import { slugOf } from '../tutorial-form';
import { TutorialsPage } from '../tutorials-page';

const coordinator: Me = {
  id: 2,
  email: 'coordination@passerelle.test',
  displayName: 'Claire',
  role: 'COORDINATOR',
  regionCode: null,
  regionName: null,
  passwordChangeRequired: false,
  twoFactorEnabled: false,
  twoFactorSetupRequired: false,
  approved: true,
};

const volunteer: Me = { ...coordinator, id: 5, role: 'VOLUNTEER', displayName: 'Camille' };

const topics = {
  status: 200,
  body: [
    { code: 'TAXES', nameFr: 'Impôts', nameEn: 'Taxes' },
    { code: 'OTHER', nameFr: 'Autre démarche', nameEn: 'Other procedure' },
  ],
};

const row = (changes: Partial<EditorRow>): EditorRow => ({
  slug: 'declarer-ses-revenus',
  shortCode: 'impots',
  topicCode: 'TAXES',
  title: 'Déclarer ses revenus en ligne',
  published: true,
  revision: 1,
  reviewedOn: '2026-11-20',
  needsReview: false,
  updatedAt: '2026-11-20T10:00:00Z',
  counts: { smsSent: 4, linkOpens: 3, helpfulYes: 2, helpfulNo: 1 },
  ...changes,
});

const editable: Editable = {
  slug: 'declarer-ses-revenus',
  shortCode: 'impots',
  published: false,
  revision: 3,
  needsReview: true,
  shortUrl: 'http://localhost/t/impots',
  content: {
    topicCode: 'TAXES',
    title: 'Déclarer ses revenus en ligne',
    summary: 'Chaque printemps, vous déclarez vos revenus.',
    level: 'BEGINNER',
    easyRead: false,
    prerequisites: '- Votre numéro fiscal',
    steps: '1. Ouvrez le site',
    links: [{ label: 'impots.gouv.fr', url: 'https://www.impots.gouv.fr' }],
    licence: 'CC-BY-SA-4.0',
    reviewedOn: '2025-10-01',
  },
};

const history = {
  status: 200,
  body: [
    {
      revision: 3,
      savedAt: '2027-03-01T12:00:00Z',
      origin: 'LOCAL',
      bundleRevision: null,
      author: 'Claire Martin',
      title: 'Déclarer ses revenus',
    },
    {
      revision: 2,
      savedAt: '2027-02-01T12:00:00Z',
      origin: 'IMPORT',
      bundleRevision: 5,
      author: null,
      title: 'Déclarer ses revenus',
    },
    {
      revision: 1,
      savedAt: '2026-11-20T12:00:00Z',
      origin: 'SEED',
      bundleRevision: 1,
      author: null,
      title: 'Déclarer ses revenus',
    },
  ],
};

function editorAt(path: string, me: Me) {
  return renderWithProviders(
    <Routes>
      <Route path="/tutoriels" element={<p>Liste</p>} />
      <Route path="/tutoriels/nouveau" element={<TutorialEditorPage me={me} />} />
      <Route path="/tutoriels/:slug" element={<TutorialEditorPage me={me} />} />
    </Routes>,
    { path },
  );
}

describe('the tutorials editor', () => {
  it('lists drafts to review, tutorials to check again and the published ones with their counts', async () => {
    fakeServer({
      'GET /api/tutorials/editor': {
        status: 200,
        body: [
          row({}),
          row({ slug: 'vieux', title: 'Un vieux tutoriel', needsReview: true }),
          row({ slug: 'propose', title: 'Une proposition', published: false }),
        ],
      },
      'GET /api/topics': topics,
    });
    renderWithProviders(<TutorialsPage me={coordinator} />);

    const drafts = await screen.findByRole('region', { name: 'Brouillons à relire (1)' });
    expect(within(drafts).getByRole('link', { name: 'Une proposition' })).toHaveAttribute(
      'href',
      '/tutoriels/propose',
    );
    expect(screen.getByRole('region', { name: 'À vérifier (plus de 12 mois) (1)' })).toHaveTextContent(
      'Un vieux tutoriel',
    );
    const published = screen.getByRole('region', { name: 'Publiés (2)' });
    expect(published).toHaveTextContent(
      'Impôts · publié · vérifié le 20 novembre 2026 · envoyé 4 fois par SMS · lien ouvert 3 fois · utile : 2 oui, 1 non',
    );
    expect(screen.getByRole('link', { name: 'Écrire un tutoriel' })).toHaveAttribute(
      'href',
      '/tutoriels/nouveau',
    );
  });

  it('lets a volunteer propose a draft, its address made from its title', async () => {
    const server = fakeServer({
      'GET /api/topics': topics,
      'POST /api/tutorials/editor': {
        status: 201,
        body: { ...editable, slug: 'envoyer-un-colis', revision: 1 },
      },
      'GET /api/tutorials/editor/envoyer-un-colis': {
        status: 200,
        body: { ...editable, slug: 'envoyer-un-colis' },
      },
      'GET /api/tutorials/editor/envoyer-un-colis/revisions': { status: 200, body: [] },
    });
    const user = userEvent.setup();
    editorAt('/tutoriels/nouveau', volunteer);

    await user.type(await screen.findByLabelText(/^Titre/), 'Envoyer un colis à l’étranger');
    expect(screen.getByLabelText('Adresse de la page')).toHaveValue('envoyer-un-colis-a-l-etranger');
    await user.clear(screen.getByLabelText('Adresse de la page'));
    await user.type(screen.getByLabelText('Adresse de la page'), 'envoyer-un-colis');
    await user.type(screen.getByLabelText('Lien court pour les SMS'), 'colis');
    await user.selectOptions(screen.getByLabelText('Thème'), 'OTHER');
    await user.type(screen.getByLabelText(/^Résumé/), 'Les étapes pour envoyer un colis.');
    await user.click(screen.getByRole('button', { name: 'Ajouter un lien' }));
    await user.type(screen.getByLabelText('Intitulé du lien 1'), 'La Poste');
    await user.type(screen.getByLabelText('Adresse du lien 1'), 'www.laposte.fr');
    await user.click(screen.getByRole('button', { name: 'Proposer ce tutoriel' }));

    expect(await screen.findByRole('heading', { name: 'Modifier un tutoriel' })).toBeInTheDocument();
    const post = server.requests.find((r) => r.method === 'POST' && r.path === '/api/tutorials/editor');
    const sent = JSON.parse(post!.body);
    expect(sent.slug).toBe('envoyer-un-colis');
    expect(sent.shortCode).toBe('colis');
    expect(sent.content).toMatchObject({
      topicCode: 'OTHER',
      title: 'Envoyer un colis à l’étranger',
      links: [{ label: 'La Poste', url: 'https://www.laposte.fr' }],
    });
    expect(screen.queryByRole('button', { name: 'Publier sur le site' })).not.toBeInTheDocument();
  });

  it('shows each refusal of a new draft beside its field: the short code taken, the title too short', async () => {
    fakeServer({
      'GET /api/topics': topics,
      'POST /api/tutorials/editor': fieldProblem(
        409,
        'shortCode',
        'Ce lien court est déjà pris.',
        'tutorial.code.taken',
      ),
    });
    const user = userEvent.setup();
    editorAt('/tutoriels/nouveau', volunteer);

    await user.type(await screen.findByLabelText(/^Titre/), 'Envoyer un colis');
    await user.type(screen.getByLabelText('Lien court pour les SMS'), 'impots');
    await user.selectOptions(screen.getByLabelText('Thème'), 'OTHER');
    await user.type(screen.getByLabelText(/^Résumé/), 'Les étapes pour envoyer un colis.');
    await user.click(screen.getByRole('button', { name: 'Proposer ce tutoriel' }));

    const code = screen.getByLabelText('Lien court pour les SMS');
    await waitFor(() =>
      expect(code).toHaveAccessibleDescription(expect.stringContaining('Ce lien court est déjà pris.')),
    );
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves from the revision it read, shows why a save is refused, previews and publishes', async () => {
    const server = fakeServer({
      'GET /api/topics': topics,
      'GET /api/tutorials/editor/declarer-ses-revenus': { status: 200, body: editable },
      'GET /api/tutorials/editor/declarer-ses-revenus/revisions': history,
      'PUT /api/tutorials/editor/declarer-ses-revenus': problem(
        409,
        'Quelqu’un a enregistré une autre version entre-temps (version 4) : rechargez-la avant de modifier.',
      ),
      'POST /api/tutorials/editor/preview': (request) => ({
        status: 200,
        body: { html: `<p>aperçu de ${JSON.parse(request.body).markdown.length} caractères</p>` },
      }),
      'POST /api/tutorials/editor/declarer-ses-revenus/publish': {
        status: 200,
        body: { ...editable, published: true },
      },
    });
    const user = userEvent.setup();
    editorAt('/tutoriels/declarer-ses-revenus', coordinator);

    expect(await screen.findByText(/n’a pas été vérifié depuis plus de 12 mois/)).toBeInTheDocument();
    expect(screen.getByText('État : brouillon, version 3.')).toBeInTheDocument();
    const versions = await screen.findByRole('region', { name: 'Historique des versions' });
    // at noon UTC: the same day in any time zone from UTC−11 to UTC+11
    expect(
      within(versions)
        .getAllByRole('listitem')
        .map((item) => item.textContent?.replace(/\d{2}:\d{2}/, 'HH:MM')),
    ).toEqual([
      'Version 3, le 1 mars 2027 à HH:MM : écrite ici par Claire Martin.',
      'Version 2, le 1 février 2027 à HH:MM : importée d’un lot (version 5 du lot).',
      'Version 1, le 20 novembre 2026 à HH:MM : fournie avec Passerelle (version 1 du lot).',
    ]);
    await user.type(screen.getByLabelText('Les étapes'), '\n2. Signez');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('rechargez-la');
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(JSON.parse(put!.body)).toMatchObject({
      basedOn: 3,
      content: { steps: '1. Ouvrez le site\n2. Signez' },
    });

    await user.click(screen.getByRole('button', { name: 'Aperçu' }));
    const preview = await screen.findByRole('region', { name: 'Aperçu, tel que sur le site public' });
    expect(within(preview).getByText('aperçu de 27 caractères')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Publier sur le site' }));
    expect(await screen.findByRole('button', { name: 'Retirer du site' })).toBeInTheDocument();
  });

  it('exports the library and imports a bundle, saying what was kept and refused', async () => {
    const server = fakeServer({
      'GET /api/tutorials/editor': { status: 200, body: [row({})] },
      'GET /api/topics': topics,
      'POST /api/tutorials/editor/bundle': {
        status: 200,
        body: {
          added: ['a', 'b'],
          updated: [],
          keptLocal: ['declarer-ses-revenus'],
          rejected: ['x.md: slug is missing'],
        },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<TutorialsPage me={coordinator} />);

    const commons = await screen.findByRole('region', { name: 'Partager les tutoriels' });
    expect(
      within(commons).getByRole('link', { name: 'Télécharger tous les tutoriels publiés (.zip)' }),
    ).toHaveAttribute('href', '/api/tutorials/editor/bundle');
    await user.upload(
      within(commons).getByLabelText('Lot de tutoriels à importer (.zip)'),
      new File(['PK'], 'lot.zip', { type: 'application/zip' }),
    );
    await user.click(within(commons).getByRole('button', { name: 'Importer' }));

    expect(
      await within(commons).findByText('Import terminé : 2 ajouté(s), 0 mis à jour.'),
    ).toBeInTheDocument();
    expect(within(commons).getByText(/modifiés ici .*: declarer-ses-revenus\./)).toBeInTheDocument();
    expect(within(commons).getByText('x.md: slug is missing')).toBeInTheDocument();
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.headers['Content-Type']).toBe('application/zip');
  });

  it('does not offer volunteers to export or import', async () => {
    fakeServer({ 'GET /api/tutorials/editor': { status: 200, body: [] }, 'GET /api/topics': topics });
    renderWithProviders(<TutorialsPage me={volunteer} />);

    expect(await screen.findByRole('region', { name: 'Mes propositions (0)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Proposer un tutoriel' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Partager les tutoriels' })).not.toBeInTheDocument();
  });

  it('uploads a picture and adds it at the end of the steps with its description', async () => {
    const server = fakeServer({
      'GET /api/topics': topics,
      'GET /api/tutorials/editor/declarer-ses-revenus': { status: 200, body: editable },
      'GET /api/tutorials/editor/declarer-ses-revenus/revisions': history,
      'POST /api/tutorials/editor/images': {
        status: 201,
        body: { id: 7, url: '/tutoriels/images/7.jpg', width: 640, height: 480, size: 30_000 },
      },
    });
    const user = userEvent.setup();
    editorAt('/tutoriels/declarer-ses-revenus', coordinator);

    const insert = await screen.findByRole('button', { name: 'Envoyer et ajouter à la fin des étapes' });
    expect(insert).toBeDisabled();
    await user.upload(
      screen.getByLabelText('Image'),
      new File(['png'], 'capture.png', { type: 'image/png' }),
    );
    await user.type(screen.getByLabelText(/^Ce que montre l’image/), 'Le bouton [[Partager]');
    await user.click(insert);

    expect(
      await screen.findByText('Image ajoutée à la fin des étapes (640 × 480 pixels, 30 Ko).'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Les étapes')).toHaveValue(
      '1. Ouvrez le site\n\n![Le bouton Partager](/tutoriels/images/7.jpg)\n',
    );
    expect(
      server.requests.find((r) => r.path === '/api/tutorials/editor/images')?.headers['Content-Type'],
    ).toBe('image/png');
  });

  it('offers today in Paris as the day checked, even when it is still yesterday in UTC', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-01T23:30:00Z'));
    try {
      fakeServer({ 'GET /api/topics': topics });
      editorAt('/tutoriels/nouveau', coordinator);

      const reviewed = await screen.findByLabelText('Vérifié le');
      expect(reviewed).toHaveValue('2027-03-02');
      expect(reviewed).toHaveAttribute('max', '2027-03-02');
    } finally {
      vi.useRealTimers();
    }
  });

  it('makes an address from any title', () => {
    expect(slugOf('  Déclarer ses impôts : la 1re fois !  ')).toBe('declarer-ses-impots-la-1re-fois');
  });
});
