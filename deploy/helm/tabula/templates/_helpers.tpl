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
