// Reading and writing a ticket type's draft flow and its deployed versions.
import { api } from './api/http.js';
import type { DeployResult, FlowDraft, FlowVersion } from './api/types.js';

const flowPath = (typeId: string) => `/api/ticket-types/${encodeURIComponent(typeId)}/flow`;

export async function loadDraft(typeId: string): Promise<FlowDraft> {
  const body = await api.get<FlowDraft | string | null>(flowPath(typeId));
  if (typeof body === 'string') return { xml: body };
  return body ?? { xml: null };
}

export const saveDraft = (typeId: string, xml: string) => api.put<unknown>(flowPath(typeId), { xml });

export const deployDraft = (typeId: string, xml: string) => api.post<DeployResult>(`${flowPath(typeId)}/deploy`, { xml });

export const loadVersion = (versionId: string) => api.get<FlowVersion>(`/api/flow-versions/${encodeURIComponent(versionId)}`);

/** Restoring copies a deployed version's XML into the draft; the version itself never changes. */
export async function restoreVersion(typeId: string, versionId: string): Promise<string> {
  const version = await loadVersion(versionId);
  await saveDraft(typeId, version.xml);
  return version.xml;
}
