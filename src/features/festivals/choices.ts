import { z } from 'zod';
import { defineChoices, field } from '../../core/choice.ts';

/** Residents' buttons: the list, a festival's page, the RSVP and the calendar file. */
export const festChoice = defineChoices('fest', {
  list: {},
  open: { id: field.id },
  going: { id: field.id },
  notgoing: { id: field.id },
  ics: { id: field.id },
});

/** Officers' buttons: managing festivals and the steps of creating, moving and commending. */
export const festmChoice = defineChoices('festm', {
  list: {},
  open: { id: field.id },
  create: {},
  area: { code: field.text },
  noprog: {},
  remind: { to: z.enum(['rsvp', 'area']) },
  announce: {},
  move: { id: field.id },
  cancel: { id: field.id },
  cancelgo: { id: field.id },
  commend: { id: field.id },
  commendgo: { id: field.id },
});
