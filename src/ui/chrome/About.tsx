// The About / help page: what is simulated, what is not, the keyboard.
import { useTranslation } from 'react-i18next'

export function About({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('chrome')
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40" onClick={onClose}>
      <section data-testid="about-dialog" role="dialog" aria-label={t('aboutText.title')} onClick={(e) => e.stopPropagation()} className="max-h-[80vh] w-[36rem] overflow-auto rounded-lg bg-white p-5 text-sm leading-relaxed shadow-2xl dark:bg-slate-800">
        <h2 className="mb-2 text-lg font-semibold">{t('aboutText.title')}</h2>
        <p className="mb-3">{t('aboutText.intro')}</p>
        <h3 className="font-semibold">{t('aboutText.simulatedTitle')}</h3>
        <p className="mb-3">{t('aboutText.simulated')}</p>
        <h3 className="font-semibold">{t('aboutText.notTitle')}</h3>
        <p className="mb-3">{t('aboutText.not')}</p>
        <h3 className="font-semibold">{t('aboutText.keysTitle')}</h3>
        <p className="mb-4 font-mono text-xs">{t('aboutText.keys')}</p>
        <div className="text-right"><button className="pf-btn pf-btn-primary" onClick={onClose}>{t('close')}</button></div>
      </section>
    </div>
  )
}
