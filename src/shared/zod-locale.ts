/** Zod's own validation messages in Indonesian (server errors and web forms alike). */
import { z } from 'zod';

z.config(z.locales.id());
