import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { Choices, Field, FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n';
import { LANGUAGES } from '../../../lib/reference-data';
import { useSignUp, useSignUpOptions, type SignUp } from '../api/onboarding';

function toggle(values: string[], value: string, on: boolean) {
  return on ? [...values, value] : values.filter((v) => v !== value);
}

/**
 * Becoming a volunteer: who they are, how to reach them, where and on what they can help, in which languages and
 * when. Once sent, the page says to open the link e-mailed to the address (it says so whether the address already
 * had an account or not: the e-mail tells the rest); then they sign in and train while a coordinator approves the
 * sign-up.
 */
export function SignUpPage() {
  const { t, language } = useI18n();
  const { departements, topics } = useSignUpOptions();
  const signUp = useSignUp();
  const [form, setForm] = useState<SignUp>({
    displayName: '',
    email: '',
    password: '',
    phone: '',
    departement: '',
    skills: [],
    languages: ['fr'],
    availability: '',
  });
  const update = (changes: Partial<SignUp>) => setForm((current) => ({ ...current, ...changes }));
  const errors = fieldErrors(signUp.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate(form);
  }

  return (
    <main id="main" className="login">
      <p className="brand-name">{t('app.name')}</p>
      <Page title={signUp.isSuccess ? t('signUp.checkMailTitle') : t('signUp.title')}>
        {signUp.isSuccess ? (
          <>
            <Notice kind="success">{t('signUp.checkMail', { email: form.email.trim() })}</Notice>
            <p>{t('signUp.checkMailNext')}</p>
          </>
        ) : (
          signUpForm()
        )}
        <p>
          <Link to="/login">{t('signUp.alreadyRegistered')}</Link>
        </p>
      </Page>
    </main>
  );

  // called, not rendered as a component: the inputs keep their focus as the form re-renders
  function signUpForm() {
    return (
      <>
        <p>{t('signUp.intro')}</p>
        {signUp.isError && Object.keys(errors).length === 0 && (
          <Notice kind="error">{errorMessage(signUp.error, t)}</Notice>
        )}
        <form onSubmit={submit}>
          <FormField
            label={t('signUp.displayName')}
            name="name"
            autoComplete="name"
            required
            maxLength={120}
            value={form.displayName}
            error={errors.displayName}
            onChange={(e) => update({ displayName: e.target.value })}
          />
          <FormField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="email"
            required
            value={form.email}
            error={errors.email}
            onChange={(e) => update({ email: e.target.value })}
          />
          <FormField
            label={t('login.password')}
            hint={t('signUp.passwordHint')}
            type="password"
            name="new-password"
            autoComplete="new-password"
            required
            minLength={12}
            value={form.password}
            error={errors.password}
            onChange={(e) => update({ password: e.target.value })}
          />
          <FormField
            label={t('signUp.phone')}
            hint={t('signUp.phoneHint')}
            type="tel"
            name="phone"
            autoComplete="tel"
            required
            value={form.phone}
            error={errors.phone}
            onChange={(e) => update({ phone: e.target.value })}
          />
          <Field label={t('signUp.departement')} error={errors.departement}>
            {(control) => (
              <select
                {...control}
                required
                value={form.departement}
                onChange={(e) => update({ departement: e.target.value })}
              >
                <option value="">{t('signUp.chooseDepartement')}</option>
                {departements.data?.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.code} – {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Choices legend={t('signUp.skills')} error={errors.skills}>
            {topics.data?.map((topic) => (
              <label key={topic.code}>
                <input
                  type="checkbox"
                  checked={form.skills.includes(topic.code)}
                  onChange={(e) => update({ skills: toggle(form.skills, topic.code, e.target.checked) })}
                />
                {language === 'en' ? topic.nameEn : topic.nameFr}
              </label>
            ))}
          </Choices>
          <Choices legend={t('signUp.languages')} error={errors.languages}>
            {LANGUAGES.map((language) => (
              <label key={language}>
                <input
                  type="checkbox"
                  checked={form.languages.includes(language)}
                  onChange={(e) => update({ languages: toggle(form.languages, language, e.target.checked) })}
                />
                {t(`signUp.languageNames.${language}` as MessageKey)}
              </label>
            ))}
          </Choices>
          <Field
            label={t('signUp.availability')}
            hint={t('signUp.availabilityHint')}
            error={errors.availability}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={500}
                value={form.availability}
                onChange={(e) => update({ availability: e.target.value })}
              />
            )}
          </Field>
          <button type="submit" className="primary" disabled={signUp.isPending}>
            {signUp.isPending ? t('signUp.sending') : t('signUp.submit')}
          </button>
        </form>
      </>
    );
  }
}
