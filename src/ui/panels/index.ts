// The panels the app mounts: the Inspector (right-hand side) and the Events feed (bottom dock).
export { Inspector } from './Inspector'
export { EventsFeed } from './EventsFeed'
