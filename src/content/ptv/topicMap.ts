/**
 * PTV has no notion of our routing topics, so we guess one from words in the service's names,
 * descriptions and ontology terms. The guess is only a starting point: when nothing matches the
 * topic is `unknown` and both the importer and content:check tell the editor to set it.
 *
 * Counties can replace the mapping with `--topics <file.yaml>`:
 *   topics: { elderly: [kotihoito, hemvård] }   # keyword lists per topic, checked in order
 *   services: { <ptv-service-id>: crisis }      # fixed topic for one service
 */
import type { Topic } from '../catalogue/types';

export interface TopicMap {
  /** Checked in order; the topic with the most keyword hits wins, ties go to the earlier one. */
  topics: { topic: Topic; keywords: string[] }[];
  services?: Record<string, Topic>;
}

export const DEFAULT_TOPIC_MAP: TopicMap = {
  topics: [
    { topic: 'crisis', keywords: ['kriisi', 'päivystys', 'kris', 'jour', 'crisis', 'emergency', 'on-call'] },
    { topic: 'violence', keywords: ['väkivalta', 'lähisuhde', 'våld', 'violence', 'rikosuhri', 'brottsoffer'] },
    { topic: 'substance-use', keywords: ['päihde', 'alkoholi', 'huume', 'missbruk', 'rusmedel', 'substance', 'addiction'] },
    { topic: 'mental-health', keywords: ['mielenterveys', 'mieli', 'psyk', 'mental', 'depressio', 'ahdistus'] },
    { topic: 'family-centre', keywords: ['perhe', 'neuvola', 'lapsi', 'familj', 'rådgivning för barn', 'barnrådgivning', 'mödrarådgivning', 'family', 'child', 'maternity'] },
    { topic: 'elderly', keywords: ['ikäänty', 'vanhus', 'kotihoito', 'äldre', 'hemvård', 'elderly', 'older people', 'home care'] },
    { topic: 'chronic-care', keywords: ['pitkäaikais', 'diabet', 'omahoito', 'långvarig', 'egenvård', 'chronic', 'self-care'] },
    { topic: 'symptom-check', keywords: ['oire', 'terveysasema', 'vastaanotto', 'symtom', 'hälsostation', 'symptom', 'health centre', 'omaolo'] },
  ],
};

export function guessTopic(serviceId: string, words: string[], map: TopicMap = DEFAULT_TOPIC_MAP): Topic {
  const fixed = map.services?.[serviceId];
  if (fixed) return fixed;
  const text = words.join(' ').toLowerCase();
  let best: Topic = 'unknown';
  let bestHits = 0;
  for (const { topic, keywords } of map.topics) {
    const hits = keywords.filter((k) => text.includes(k.toLowerCase())).length;
    if (hits > bestHits) {
      best = topic;
      bestHits = hits;
    }
  }
  return best;
}
