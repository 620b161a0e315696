/**
 * The bot page's config actions: edit (a new version), clone (the wizard, prefilled with a copy)
 * and export the current config as a JSON file the wizard can import.
 */
import type { JSX } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import { announce } from '../announcer';
import { downloadText } from '../download';
import { href } from '../router';
import { configFileName, toConfigFile } from '../stores/botConfigFile';

export function BotConfigActions(props: { bot: Bot }): JSX.Element {
  const id = (): string => encodeURIComponent(props.bot.id);
  const exportConfig = (): void => {
    const file = toConfigFile(props.bot.config, props.bot.configVersion);
    downloadText(configFileName(props.bot.config.name), `${JSON.stringify(file, null, 2)}\n`);
    announce(`Exported the config of ${props.bot.config.name}.`);
  };
  return (
    <div class="button-row bot-config-actions" role="group" aria-label="Configuration">
      <a class="button" href={href(`/bots/${id()}/edit`)}>
        Edit
      </a>
      <a class="button" href={href(`/bots/new?clone=${id()}`)}>
        Clone
      </a>
      <button type="button" class="button" onClick={exportConfig}>
        Export config
      </button>
    </div>
  );
}
