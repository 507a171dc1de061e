// api fetches a JSON endpoint; params with empty values are left out. It
// throws an Error carrying the server's message on failure.
export async function api(path, params) {
  const url = new URL(path, location.href);
  for (const [k, v] of Object.entries(params || {})) {
    if (v != null && v !== '') url.searchParams.set(k, v);
  }
  let resp;
  try {
    resp = await fetch(url, {headers: {Accept: 'application/json'}});
  } catch (e) {
    throw new Error('cannot reach the server: ' + e.message);
  }
  let body = null;
  try { body = await resp.json(); } catch (e) { /* not JSON */ }
  if (!resp.ok) {
    throw new Error((body && body.error) || ('HTTP ' + resp.status));
  }
  return body;
}

// exportURL is the address of the whole result of a search as a file.
export function exportURL(params, format) {
  const url = new URL('api/articles', location.href);
  for (const [k, v] of Object.entries(params || {})) {
    if (v != null && v !== '' && k !== 'cursor' && k !== 'limit') url.searchParams.set(k, v);
  }
  url.searchParams.set('format', format);
  return url.href;
}
