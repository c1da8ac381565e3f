import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TMaterialSlot, TMaterials, TTemplateKey, TVideo } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';

export const materialKeys = {
  all: ['materials'] as const,
  /** 材料上传 of one application (slots and their files). */
  materials: (applicationId: string) => ['materials', applicationId, 'slots'] as const,
  /** 视频材料 of one application. */
  videos: (applicationId: string) => ['materials', applicationId, 'video'] as const,
};

const appPath = (applicationId: string) => `/api/applications/${encodeURIComponent(applicationId)}`;

/** 文件下载 (attachment) or, with `inline`, 查看文件 in the browser. Same origin: the session cookie goes along. */
export function materialFileUrl(applicationId: string, fileId: string, inline = false): string {
  return `${appPath(applicationId)}/materials/files/${encodeURIComponent(fileId)}${inline ? '?inline=1' : ''}`;
}

/** 材料模板下载 (a PDF pre-filled with what the unit entered); `inline` opens it (登记预览). */
export function templateUrl(applicationId: string, key: TTemplateKey, inline = false): string {
  return `${appPath(applicationId)}/templates/${encodeURIComponent(key)}${inline ? '?inline=1' : ''}`;
}

/** The video with Range support, for <video src>. */
export function videoUrl(applicationId: string, fileId: string): string {
  return `${appPath(applicationId)}/video/${encodeURIComponent(fileId)}`;
}

export function useMaterials(applicationId: string) {
  return useQuery({
    queryKey: materialKeys.materials(applicationId),
    queryFn: ({ signal }) => api.get<TMaterials>(`${appPath(applicationId)}/materials`, { signal }),
    enabled: !!applicationId,
  });
}

export function useVideos(applicationId: string) {
  return useQuery({
    queryKey: materialKeys.videos(applicationId),
    queryFn: ({ signal }) => api.get<TVideo[]>(`${appPath(applicationId)}/video`, { signal }),
    enabled: !!applicationId,
  });
}

/** Both lists of the application: a change to either shows in the other (materials carries the video too). */
function useInvalidateApplicationMaterials(applicationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['materials', applicationId] });
}

/** 文件上传: several files into one slot in one multipart request. */
export function useUploadMaterial(applicationId: string) {
  const invalidate = useInvalidateApplicationMaterials(applicationId);
  return useMutation<TMaterialSlot, ApiError, { slot: string; files: File[] }>({
    mutationFn: ({ slot, files }) => {
      const form = new FormData();
      for (const f of files) form.append('files', f, f.name);
      return api.postForm<TMaterialSlot>(`${appPath(applicationId)}/materials/${encodeURIComponent(slot)}`, form);
    },
    // also after a refusal: another agent may have changed the slot meanwhile
    onSettled: () => invalidate(),
  });
}

/** 文件删除 */
export function useDeleteMaterialFile(applicationId: string) {
  const invalidate = useInvalidateApplicationMaterials(applicationId);
  return useMutation<unknown, ApiError, { fileId: string }>({
    mutationFn: ({ fileId }) => api.del(`${appPath(applicationId)}/materials/files/${encodeURIComponent(fileId)}`),
    onSettled: () => invalidate(),
  });
}

/** 视频删除 */
export function useDeleteVideo(applicationId: string) {
  const invalidate = useInvalidateApplicationMaterials(applicationId);
  return useMutation<unknown, ApiError, { fileId: string }>({
    mutationFn: ({ fileId }) => api.del(`${appPath(applicationId)}/video/${encodeURIComponent(fileId)}`),
    onSettled: () => invalidate(),
  });
}

/** After a finished tus upload: refresh the lists. */
export function useRefreshVideos(applicationId: string) {
  return useInvalidateApplicationMaterials(applicationId);
}
