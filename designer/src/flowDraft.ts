// Reading and writing a ticket type's draft flow and its deployed versions.
import { api, ApiProblem } from './api/http.js';
import type { DeployResult, FlowDraft, FlowVersion } from './api/types.js';

const flowPath = (typeId: string) => `/api/ticket-types/${encodeURIComponent(typeId)}/flow`;

/** The draft, or `xml: null` when the type has none yet (the API answers 404 then). */
export async function loadDraft(typeId: string): Promise<FlowDraft> {
  try {
    return await api.get<FlowDraft>(flowPath(typeId));
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 404 && /draft/i.test(err.detail ?? ''))
      return { xml: null };
    throw err;
  }
}

export const saveDraft = (typeId: string, xml: string) => api.put<unknown>(flowPath(typeId), { xml });

/** Deploys the stored draft: save first, so what is deployed is what the user sees. */
export const deployDraft = (typeId: string) => api.post<DeployResult>(`${flowPath(typeId)}/deploy`, {});

export const loadVersion = (versionId: string) =>
  api.get<FlowVersion>(`/api/flow-versions/${encodeURIComponent(versionId)}`);

/** Restoring copies a deployed version's XML into the draft; the version itself never changes. */
export async function restoreVersion(typeId: string, versionId: string): Promise<string> {
  const version = await loadVersion(versionId);
  await saveDraft(typeId, version.xml);
  return version.xml;
}
