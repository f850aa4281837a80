import type { PhotoRef } from '../../core/messages.ts';
import type { Scope } from '../../core/scope.ts';
import type { Tip } from '../../generated/prisma/client.ts';
import { tipOfficers } from './audience.ts';
import { photoMessages, sendToEach, tipNotice } from './cards.ts';
import { tipChoice } from './choices.ts';
import type { Location } from './draft.ts';
import { readTip } from './store.ts';
import { photoLinker, tipPhotos } from './photo-links.ts';

/** What a reporter adds to an urgent tip already filed: the place, photos, a photo's caption or a phone number. */
export type TipAddition =
  { place: string } | { location: Location } | { photos: PhotoRef[] } | { note: string } | { contact: string };

/** A photo's caption after the description: kept as its own paragraph. */
export const withNote = (description: string, note: string) => `${description}\n\n${note}`;

/**
 * Writes the addition into the tip's row and passes it on to the tip's officers
 * as an update of that tip. Returns how many officer chats it was written to.
 */
export async function addToTip(scope: Scope, tip: Tip, addition: TipAddition): Promise<number> {
  const { pii } = scope;
  const earlier = readTip(pii, tip).photos;
  const photos = 'photos' in addition ? [...earlier, ...addition.photos] : undefined;
  const description = 'note' in addition ? withNote(readTip(pii, tip).description, addition.note) : undefined;
  await scope.tx.tip.update({
    where: { id: tip.id },
    data: {
      ...('place' in addition && { placeEnc: pii.encrypt(addition.place) }),
      ...('location' in addition && { locationEnc: pii.encryptJson(addition.location) }),
      ...(photos && { photosEnc: pii.encryptJson(photos), photoCount: photos.length }),
      ...(description && { descriptionEnc: pii.encrypt(description) }),
      ...('contact' in addition && { contactEnc: pii.encrypt(addition.contact), anonymous: false }),
    },
  });
  const code = { code: tip.code };
  const readers = await tipOfficers(scope.tx, pii, tip, scope.i18n.defaultLocale);
  // The added photos follow the tip's earlier ones in its row.
  const link = photoLinker(scope);
  const linkOf = link && ((i: number) => link(tipPhotos(tip.id, earlier.length + i)));
  await sendToEach(scope, readers, async (t, reader) => {
    const line =
      'place' in addition
        ? t('tip-card-place', { place: addition.place })
        : 'location' in addition
          ? t('tip-card-location', {
              lat: addition.location.latitude.toFixed(5),
              lng: addition.location.longitude.toFixed(5),
            })
          : 'photos' in addition
            ? t('tip-card-photos', { count: addition.photos.length })
            : 'note' in addition
              ? t('tip-card-description', { text: addition.note })
              : reader.place === 'group'
                ? t('tip-card-contact-private')
                : t('tip-card-contact', { phone: addition.contact });
    return [
      await tipNotice(scope, t, reader, tip.code, [t('tip-addition', code), line].join('\n\n'), [
        { id: tipChoice.pack('reply', code), label: t('tip-action-reply') },
        { id: tipChoice.pack('open', code), label: t('tip-action-open') },
      ]),
      ...('photos' in addition ? photoMessages(t, reader.to.platform, tip.code, addition.photos, linkOf) : []),
    ];
  });
  return readers.length;
}
