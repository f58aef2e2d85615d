/** Public API of the place lookup (municipality or postal code → county). */
export { buildPlaceIndex, findPlace, normalise, type Place, type PlaceIndex } from './placeIndex';
export { CountyOffers, type CountyOffer } from './countyOffer';
