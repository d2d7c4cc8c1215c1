import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { Menu } from '../../api/menu';
import { MenuPage } from '../menu-page';

const menu: Menu = {
  topics: [
    {
      code: 'CAF',
      nameFr: 'CAF & prestations sociales',
      nameEn: 'CAF & social benefits',
      menuDigit: '1',
      linkUrl: 'https://www.caf.fr',
      spokenFr: null,
      active: true,
    },
    {
      code: 'TAXES',
      nameFr: 'Impôts',
      nameEn: 'Taxes',
      menuDigit: '2',
      linkUrl: null,
      spokenFr: 'les impôts et la déclaration de revenus',
      active: true,
    },
    {
      code: 'OTHER',
      nameFr: 'Autre',
      nameEn: 'Other',
      menuDigit: '0',
      linkUrl: null,
      spokenFr: null,
      active: true,
    },
  ],
  version: 5,
};

describe('MenuPage', () => {
  it('says what the line says, then adds a theme on a key and moves it first', async () => {
    const server = fakeServer({
      'GET /api/settings/menu': { status: 200, body: menu },
      'PUT /api/settings/menu': { status: 200, body: { ...menu, version: 6 } },
    });
    const user = userEvent.setup();
    renderWithProviders(<MenuPage editable />);

    const spoken = await screen.findByRole('list');
    expect(
      within(spoken)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Pour CAF et prestations sociales, tapez 1.',
      'Pour les impôts et la déclaration de revenus, tapez 2.',
      'Pour une autre question, tapez 0.',
    ]);

    await user.click(screen.getByRole('button', { name: 'Ajouter un thème' }));
    const added = screen.getByRole('group', { name: '4. Nouveau thème' });
    await user.type(within(added).getByLabelText('Code'), 'energie');
    await user.type(within(added).getByLabelText('Nom en français'), 'Énergie');
    await user.type(within(added).getByLabelText('Nom en anglais'), 'Energy');
    await user.selectOptions(within(added).getByLabelText('Touche'), '3');
    for (let i = 0; i < 3; i += 1) {
      await user.click(screen.getByRole('button', { name: 'Monter « Énergie »' }));
    }
    expect(screen.getByRole('group', { name: '1. Énergie' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Enregistrer le menu' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Menu enregistré');
    const sent = JSON.parse(server.requests.find((r) => r.method === 'PUT')!.body);
    expect(sent.version).toBe(5);
    expect(sent.topics.map((topic: { code: string }) => topic.code)).toEqual([
      'ENERGIE',
      'CAF',
      'TAXES',
      'OTHER',
    ]);
    expect(sent.topics[0]).toEqual({
      code: 'ENERGIE',
      nameFr: 'Énergie',
      nameEn: 'Energy',
      active: true,
      menuDigit: '3',
      spokenFr: null,
      linkUrl: null,
    });
  });

  it('shows a key refused beside its field, and takes a theme off the menu', async () => {
    let tries = 0;
    const server = fakeServer({
      'GET /api/settings/menu': { status: 200, body: menu },
      'PUT /api/settings/menu': () => {
        tries += 1;
        if (tries === 1) {
          return {
            status: 400,
            body: {
              status: 400,
              detail: 'La touche 1 est déjà celle de « CAF & prestations sociales ».',
              code: 'topic.menu.key-taken',
              fields: [
                {
                  field: 'topics[1].menuDigit',
                  message: 'La touche 1 est déjà celle de « CAF & prestations sociales ».',
                },
              ],
            },
          };
        }
        return { status: 200, body: { ...menu, version: 6 } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<MenuPage editable />);

    const taxes = await screen.findByRole('group', { name: '2. Impôts' });
    await user.selectOptions(within(taxes).getByLabelText('Touche'), '1');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le menu' }));
    await waitFor(() =>
      expect(within(taxes).getByLabelText('Touche')).toHaveAccessibleDescription(/déjà celle de/),
    );

    await user.click(within(taxes).getByLabelText('Proposé'));
    expect(within(taxes).queryByLabelText('Touche')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer le menu' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Menu enregistré'));
    const sent = JSON.parse(server.requests.filter((r) => r.method === 'PUT')[1]!.body);
    expect(sent.topics[1]).toMatchObject({ code: 'TAXES', active: false, menuDigit: null });
  });

  it('shows a regional coordinator the menu without changing it', async () => {
    fakeServer({ 'GET /api/settings/menu': { status: 200, body: menu } });
    renderWithProviders(<MenuPage editable={false} />);

    const table = await screen.findByRole('table', { name: 'Thèmes, dans l’ordre du menu' });
    expect(within(table).getByRole('row', { name: /Impôts/ })).toHaveTextContent('2');
    expect(screen.getByText('Seule la coordination nationale les modifie.')).toBeVisible();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
