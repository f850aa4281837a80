import type { StaffRole } from '../generated/prisma/enums.ts';
import type { ChatContext } from './context.ts';
import type { AnyFlow } from './flow.ts';
import type { MenuOption } from './messages.ts';

export type Handler = (ctx: ChatContext, arg: string) => Promise<void>;

export interface Route {
  run: Handler;
  /** Usable before onboarding is complete (no registered person yet). */
  guest?: boolean;
  /** Also answered in group chats (a station's group); the rest asks for a private chat. */
  group?: boolean;
  /** The command asks a question (e.g. "really delete?"): an interrupted dialogue is offered back after its answer. */
  asks?: boolean;
  /** In the command menu only of staff holding one of these roles (commands without it are everyone's). */
  menuFor?: readonly StaffRole[];
}

/** One user-facing capability: its commands, button actions, dialogue steps and main-menu entries. */
export interface Feature {
  name: string;
  /** Slash commands, by name without the slash. */
  commands?: Record<string, Route>;
  /** Menu choices, by the part of the option id before ":". */
  actions?: Record<string, Route>;
  /** The feature's dialogues: free input (text, photo, location) goes to the open one's current step. */
  flows?: AnyFlow[];
  /** Entries this feature adds to the main menu of a registered person. */
  mainMenu?: (ctx: ChatContext) => MenuOption[];
  /** Runs before any route; returns false to drop the update (e.g. a flood). */
  guard?: (ctx: ChatContext) => Promise<boolean>;
  /** Text that no command, menu or dialogue took (e.g. a join code typed alone); returns true when handled. */
  freeText?: (ctx: ChatContext, text: string) => Promise<boolean>;
  /** A `/start <payload>` deep link; returns true when the payload was this feature's. */
  startPayload?: (ctx: ChatContext, payload: string) => Promise<boolean>;
}
