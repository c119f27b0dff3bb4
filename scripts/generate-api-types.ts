/** `npm run generate:api-types`: writes web/src/lib/api-types.ts from the app's OpenAPI document. */
import fs from 'node:fs';
import path from 'node:path';
import { API_TYPES_FILE, renderApiTypes } from './api-types.ts';

const text = await renderApiTypes();
fs.writeFileSync(API_TYPES_FILE, text);
console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)} (${text.split('\n').length} lines)`);
