// The app context carries the stores and the API client, made once in
// app.js, to every component.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const AppContext = createContext(null);

// useApp returns { api, session, cart, router, notices, categories, notify }.
export const useApp = () => useContext(AppContext);
