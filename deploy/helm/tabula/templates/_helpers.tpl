{{- /* Labels of every object; where a selector's labels follow, use tabula.commonLabels, since
the selectors carry the instance label too and a key twice in one map is refused by kubectl. */ -}}
{{- define "tabula.labels" -}}
{{ include "tabula.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tabula.commonLabels" -}}
app.kubernetes.io/part-of: tabula
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "tabula.engineSelector" -}}
app.kubernetes.io/name: tabula-engine
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tabula.consoleSelector" -}}
app.kubernetes.io/name: tabula-console
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tabula.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end -}}

{{- /* postgres or folder: flowStore.type, or postgres where there can be more than one engine. */ -}}
{{- define "tabula.flowStoreType" -}}
{{- $several := or .Values.autoscaling.enabled (gt (int .Values.engine.replicas) 1) -}}
{{- $type := .Values.flowStore.type | default (ternary "postgres" "folder" $several) -}}
{{- if not (has $type (list "postgres" "folder")) -}}
{{- fail (printf "flowStore.type is %q; set postgres or folder (docs/scaling.md)" $type) -}}
{{- end -}}
{{- $type -}}
{{- end -}}

{{- /* Where the store's password and CA are mounted: folders, so a rotated Secret reaches the pod. */ -}}
{{- define "tabula.flowStorePasswordDir" -}}/run/secrets/tabula-flow-store{{- end -}}
{{- define "tabula.flowStoreCaDir" -}}/run/secrets/tabula-flow-store-ca{{- end -}}

{{- /* The engine's tabula.yaml: engine.config, its flows section set from flowStore for postgres. */ -}}
{{- define "tabula.engineConfig" -}}
{{- $cfg := deepCopy .Values.engine.config -}}
{{- if eq (include "tabula.flowStoreType" .) "postgres" -}}
{{- $url := required "flowStore.url: set your PostgreSQL for the flow store, postgresql://host[:port]/database (docs/scaling.md), or flowStore.type: folder for a single engine" .Values.flowStore.url -}}
{{- $user := required "flowStore.user: set the flow store's login role (docs/scaling.md)" .Values.flowStore.user -}}
{{- $postgres := dict "url" $url "user" $user "listen" .Values.flowStore.listen -}}
{{- $_ := set $postgres "passwordFile" (printf "%s/password" (include "tabula.flowStorePasswordDir" .)) -}}
{{- $_ := set $postgres "caCertificate" (printf "%s/ca.crt" (include "tabula.flowStoreCaDir" .)) -}}
{{- $_ := set $cfg "flows" (dict "store" "postgres" "pollInterval" .Values.flowStore.pollInterval "postgres" $postgres) -}}
{{- end -}}
{{- toYaml $cfg -}}
{{- end -}}

{{- /* The store's password and CA, read-only (engine and console mount the same). */ -}}
{{- define "tabula.flowStoreMounts" -}}
- {name: flow-store-password, mountPath: {{ include "tabula.flowStorePasswordDir" . }}, readOnly: true}
- {name: flow-store-ca, mountPath: {{ include "tabula.flowStoreCaDir" . }}, readOnly: true}
{{- end -}}

{{- define "tabula.flowStoreVolumes" -}}
- name: flow-store-password
  secret:
    secretName: {{ .Values.flowStore.passwordSecret.name }}
    defaultMode: 0440
    items: [{key: {{ .Values.flowStore.passwordSecret.key }}, path: password}]
- name: flow-store-ca
{{- if eq .Values.flowStore.caCertificate.kind "Secret" }}
  secret:
    secretName: {{ .Values.flowStore.caCertificate.name }}
    defaultMode: 0440
    items: [{key: {{ .Values.flowStore.caCertificate.key }}, path: ca.crt}]
{{- else if eq .Values.flowStore.caCertificate.kind "ConfigMap" }}
  configMap:
    name: {{ .Values.flowStore.caCertificate.name }}
    items: [{key: {{ .Values.flowStore.caCertificate.key }}, path: ca.crt}]
{{- else }}
{{- fail "flowStore.caCertificate.kind: set Secret or ConfigMap" }}
{{- end }}
{{- end -}}
