/** Files a page offers to save: a chart as SVG or PNG, under a name that says what it is. */
import type { FastifyReply } from 'fastify';
import type { HeavyWork } from './heavy-work.js';

export type PictureFormat = 'svg' | 'png';

/** Asks the browser to save the response as `fileName`; anything but letters, digits, '.', '_' and '-' becomes '_'. */
export function attachment(reply: FastifyReply, fileName: string): void {
  reply.header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
}

/** Sends a chart as a file to save: the SVG as it is, or drawn as a PNG in a render thread for `user`. */
export async function sendPicture(reply: FastifyReply, heavy: HeavyWork, user: string, svg: string, format: PictureFormat, baseName: string): Promise<FastifyReply> {
  attachment(reply, `${baseName}.${format}`);
  return format === 'svg' ? reply.type('image/svg+xml; charset=utf-8').send(svg) : reply.type('image/png').send(await heavy.png(user, svg));
}
