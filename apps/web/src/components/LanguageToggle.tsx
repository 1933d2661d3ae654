import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** One button to the other language, named in that language (so someone who reads only it finds it). */
export function LanguageToggle({ onDark = false }: { onDark?: boolean }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Button
      type={onDark ? 'text' : 'default'}
      className={onDark ? 'on-dark' : undefined}
      lang={other}
      aria-label={t('nav.switchToLabel')}
      onClick={() => setLanguage(other)}
    >
      {t('nav.switchToShort')}
    </Button>
  );
}
