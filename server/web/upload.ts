import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { rmSync } from 'node:fs';
import { AppFout } from '../shared/fouten.js';
import { csrfKlopt, CSRF_FOUT } from './auth.js';

/**
 * Uploads (multipart forms) without a token in the URL. The CSRF middleware cannot read a
 * multipart body; for the paths registered here (and only those: a multipart POST anywhere else
 * is checked there and refused) it leaves the check to the upload itself, which reads the form
 * field `_csrf` before the file: a file part that comes before a valid token is refused unwritten,
 * and a form without a file is checked once the fields are read.
 */
const UPLOAD_PADEN = new Set<string>();

export const isUploadPad = (pad: string): boolean => UPLOAD_PADEN.has(pad);

/** The handlers of an upload route at `pad` with one file field `veld`; the route runs only with a valid token. */
export function upload(pad: string, veld: string, opties: Omit<multer.Options, 'fileFilter'>): RequestHandler[] {
  UPLOAD_PADEN.add(pad);
  const m = multer({
    ...opties,
    fileFilter: (req, _file, cb) => {
      if (csrfKlopt(req, req.res!)) cb(null, true);
      else cb(new AppFout('geen_toegang', CSRF_FOUT, 403, { reden: 'csrf' }));
    },
  });
  const ontvang = m.single(veld);
  return [
    (req: Request, res: Response, next: NextFunction) => {
      ontvang(req, res, (error?: unknown) => {
        // what busboy refuses (no boundary, a form cut off) is the request's fault
        if (error && !(error instanceof AppFout) && !(error instanceof multer.MulterError)) {
          next(new AppFout('ongeldige_invoer', 'Het formulier kon niet gelezen worden.', 400));
          return;
        }
        next(error);
      });
    },
    (req: Request, res: Response, next: NextFunction) => {
      if (!csrfKlopt(req, res)) {
        if (req.file) rmSync(req.file.path, { force: true });
        throw new AppFout('geen_toegang', CSRF_FOUT, 403, { reden: 'csrf' });
      }
      next();
    },
  ];
}
