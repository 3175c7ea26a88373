import { createApp } from 'vue';
import App from './App.vue';
import { UNAUTHENTICATED_EVENT } from './api/http.js';
import { router } from './router.js';
import { session } from './session.js';
import './styles/app.css';

window.addEventListener(UNAUTHENTICATED_EVENT, () => {
  session.user = null;
  const here = router.currentRoute.value;
  if (!here.meta.public) void router.push({ path: '/login', query: { next: here.fullPath } });
});

createApp(App).use(router).mount('#app');
