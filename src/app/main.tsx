// Entry of the minimal engine page: boots a default cluster in the browser and shows it live.
// The full graph app arrives with the browser-app issue.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import { EnginePage } from './EnginePage'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <EnginePage />
  </StrictMode>,
)
