// The 403 page: the server sends it in place of a page the user may not open; the shell stays usable.
import { mount, withShop, byId } from '/shell/shell.js';

const { shop } = await mount();
byId('home').href = withShop('/', shop);
