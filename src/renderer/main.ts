import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import './styles/app.css';
import App from './App.vue';
import { removeTokenFromAddress } from './api/address-token';
import { router } from './router';

const app = createApp(App).use(createPinia()).use(router);
// @ts-expect-error element-plus 2.14 types install()'s options with its prop definitions, which no locale
// satisfies under exactOptionalPropertyTypes; at run time it takes { locale } (its documented use).
app.use(ElementPlus, { locale: zhCn });
app.mount('#app');
removeTokenFromAddress(window.location, window.history);
