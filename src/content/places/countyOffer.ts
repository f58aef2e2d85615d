/**
 * What to offer a resident who named a place: that county's own services when a pack covers
 * it, the national services when none does. The page's own region is the default; this only
 * decides, the bot layer says it ("Porissa palvelee Satakunnan hyvinvointialue: ...").
 */
import { loadCatalogue, type Catalogue, type Service, type Topic } from '../catalogue';
import { findPlace, type Place, type PlaceIndex } from './placeIndex';

export interface CountyOffer {
  place: Place;
  /** The pack to answer from, or null for national services only. */
  region: string | null;
  /** True when the place belongs to another county than the page's. */
  otherCounty: boolean;
  services: Service[];
}

/** Catalogues are loaded once per region and reused (loading reads and checks every file). */
export class CountyOffers {
  private readonly catalogues = new Map<string, Catalogue>();

  constructor(private readonly contentDir: string, private readonly index: PlaceIndex) {}

  /** A region's catalogue (the bot renders another county's service cards with its own hours and queues). */
  catalogue(region: string): Catalogue {
    let c = this.catalogues.get(region);
    if (!c) {
      c = loadCatalogue(this.contentDir, region).catalogue;
      this.catalogues.set(region, c);
    }
    return c;
  }

  /** undefined when the text names no known place. */
  offerFor(text: string, pageRegion: string, topic?: Topic): CountyOffer | undefined {
    const place = findPlace(text, this.index);
    if (!place) return undefined;
    if (place.region) {
      const c = this.catalogue(place.region);
      const own = [...new Set(c.services.values())].filter((s) => s.origin === place.region);
      const services = topic ? c.servicesByTopic(topic).filter((s) => s.origin === place.region) : own;
      return { place, region: place.region, otherCounty: place.region !== pageRegion, services: services.length > 0 ? services : own };
    }
    // Outside every pack: the national base only (any pack's catalogue holds it; the page's does).
    const c = this.catalogue(pageRegion);
    const national = [...new Set(c.services.values())].filter((s) => s.origin === 'base');
    const services = topic ? c.servicesByTopic(topic).filter((s) => s.origin === 'base') : national;
    return { place, region: null, otherCounty: true, services: services.length > 0 ? services : national };
  }
}
