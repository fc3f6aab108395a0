<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>@default</name>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="92"/>
        <source>{0:.1f} MB/s</source>
        <translation>{0:.1f} MB/s</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="94"/>
        <source>{0:.0f} KB/s</source>
        <translation>{0:.0f} KB/s</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="95"/>
        <source>{0:.0f} B/s</source>
        <translation>{0:.0f} B/s</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="135"/>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="136"/>
        <source>No output</source>
        <translation>출력 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="137"/>
        <source>Behind the cloud</source>
        <translation>클라우드보다 이전 버전</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="138"/>
        <source>Not deployed</source>
        <translation>배포되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="139"/>
        <source>Unreachable</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="150"/>
        <source>{0:.1f} GB</source>
        <translation>{0:.1f} GB</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="151"/>
        <source>{0:.0f} MB</source>
        <translation>{0:.0f} MB</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="162"/>
        <source>{0} days {1} h</source>
        <translation>{0}일 {1}시간</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="164"/>
        <source>{0} h {1} min</source>
        <translation>{0}시간 {1}분</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="165"/>
        <source>{0} min</source>
        <translation>{0}분</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="175"/>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="177"/>
        <source>Uptime</source>
        <translation>가동 시간</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="179"/>
        <source>Load</source>
        <translation>부하</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="182"/>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="182"/>
        <source>{0} free of {1}</source>
        <translation>{1} 중 {0} 남음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="184"/>
        <source>Disk {0}</source>
        <translation>디스크 {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="184"/>
        <source>{0} free of {1} ({2})</source>
        <translation>{1} 중 {0} 남음 ({2})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="187"/>
        <source>Temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="190"/>
        <source>Stream</source>
        <translation>스트림</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="190"/>
        <source>{0:.1f} unique frames/s</source>
        <translation>초당 고유 프레임 {0:.1f}개</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="200"/>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="199"/>
        <source>Nothing deployed by DeepLens Console.</source>
        <translation>DeepLens 콘솔로 배포한 프로젝트가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="202"/>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="204"/>
        <source>Deployed</source>
        <translation>배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="204"/>
        <source>{0} by {1}</source>
        <translation>{0}, 배포자 {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="210"/>
        <source>Runner</source>
        <translation>러너</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="208"/>
        <source>pid {0}, {1}</source>
        <translation>pid {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="210"/>
        <source>pid {0} is not running ({1})</source>
        <translation>pid {0} 실행 중 아님 ({1})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="222"/>
        <source>Lambda</source>
        <translation>Lambda</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="222"/>
        <source>{0}, newest version {1}</source>
        <translation>{0}, 최신 버전 {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="225"/>
        <source>Greengrass</source>
        <translation>Greengrass</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="227"/>
        <source>AWS</source>
        <translation>AWS</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="120"/>
        <source>About DeepLens Console</source>
        <translation>DeepLens 콘솔 정보</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="124"/>
        <source>Watch and manage AWS DeepLens cameras over SSH: live viewer, device panel, deploys and a classroom grid.</source>
        <translation>SSH로 AWS DeepLens 카메라를 보고 관리합니다: 실시간 뷰어, 디바이스 패널, 배포, 교실 그리드.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="124"/>
        <source>Passwords and key passphrases are kept only in your system keyring, never in the settings file; see docs/SECURITY.md.</source>
        <translation>비밀번호와 키 암호는 설정 파일이 아니라 시스템 키링에만 저장됩니다. 자세한 내용은 docs/SECURITY.md를 보세요.</translation>
    </message>
</context>
<context>
    <name>BulkDeployDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="421"/>
        <source>Deploying {0}</source>
        <translation>{0} 배포 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="428"/>
        <source>Device</source>
        <translation>디바이스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="428"/>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="428"/>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="428"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="454"/>
        <source>The summary appears when every device is done.</source>
        <translation>모든 디바이스가 끝나면 요약이 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="456"/>
        <source>Retry failed</source>
        <translation>실패한 항목 다시 시도</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="457"/>
        <source>Cancel deploy</source>
        <translation>배포 취소</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="582"/>
        <source>{0} of {1} devices deployed; {2} failed.</source>
        <translation>디바이스 {1}대 중 {0}대 배포 완료, {2}대 실패.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="546"/>
        <source>Steps on {0}:</source>
        <translation>{0}의 단계:</translation>
    </message>
</context>
<context>
    <name>ClassroomView</name>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="614"/>
        <source>Deploy…</source>
        <translation>배포…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="615"/>
        <source>Snapshot all</source>
        <translation>모두 스냅샷</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="620"/>
        <source>Stop project</source>
        <translation>프로젝트 중지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="621"/>
        <source>Reboot…</source>
        <translation>재부팅…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="627"/>
        <source>Rebooting is not available in this version.</source>
        <translation>이 버전에서는 재부팅을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="629"/>
        <source>000 selected</source>
        <translation>000개 선택됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="671"/>
        <source>{0} selected</source>
        <translation>{0}개 선택됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="673"/>
        <source>all {0}</source>
        <translation>전체 {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="682"/>
        <source>Saving snapshots into {0}…</source>
        <translation>{0}에 스냅샷 저장 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="686"/>
        <source>Saved {0} snapshot(s) to {1}.</source>
        <translation>스냅샷 {0}개를 {1}에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="688"/>
        <source>Not live: {0}.</source>
        <translation>라이브 아님: {0}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="765"/>
        <source>Snapshots not saved: {0}</source>
        <translation>스냅샷을 저장하지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="779"/>
        <source>A deploy is already running.</source>
        <translation>이미 배포가 진행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="793"/>
        <source>Stopping the project on {0} device(s)…</source>
        <translation>디바이스 {0}대에서 프로젝트를 중지하는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="797"/>
        <source>{0} of {1} device(s) done.</source>
        <translation>디바이스 {1}대 중 {0}대 완료.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="830"/>
        <source>Rebooting {0} device(s)…</source>
        <translation>디바이스 {0}대 재부팅 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="622"/>
        <source>Host keys…</source>
        <translation>호스트 키…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="623"/>
        <source>Review and accept the host keys of cameras seen for the first time</source>
        <translation>처음 연결하는 카메라의 호스트 키를 검토하고 승인합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="805"/>
        <source>Host keys ({0})…</source>
        <translation>호스트 키 ({0})…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="815"/>
        <source>Recording {0} host key(s)…</source>
        <translation>호스트 키 {0}개를 기록하는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="818"/>
        <source>Trusted the host keys of {0}; connecting.</source>
        <translation>{0}의 호스트 키를 신뢰했습니다. 연결하는 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="821"/>
        <source>Host keys not recorded: {0}</source>
        <translation>호스트 키를 기록하지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="743"/>
        <source>Record</source>
        <translation>녹화</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="618"/>
        <source>Record every live target camera, one file each, into one new folder</source>
        <translation>라이브 상태인 대상 카메라를 모두 녹화합니다. 카메라마다 파일 하나씩, 새 폴더 하나에 저장합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="706"/>
        <source>No live camera to record.</source>
        <translation>녹화할 라이브 카메라가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="714"/>
        <source>Recording not started: {0}</source>
        <translation>녹화를 시작하지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="744"/>
        <source>Saved {0} recording(s), {1} frames, to {2}.</source>
        <translation>녹화 {0}개(프레임 {1}개)를 {2}에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="756"/>
        <source>● Stop recording {0}:{1:02d}</source>
        <translation>● 녹화 중지 {0}:{1:02d}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="758"/>
        <source>{0} camera(s), {1} frames so far, into {2}</source>
        <translation>카메라 {0}대, 지금까지 프레임 {1}개, 저장 위치 {2}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="762"/>
        <source>A recording stopped: {0}</source>
        <translation>녹화 하나가 중지되었습니다: {0}</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../deeplens_gui/ui/app.py" line="223"/>
        <source>The environment variable {0} named by --password-env is not set.</source>
        <translation>--password-env로 지정한 환경 변수 {0}이(가) 설정되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/app.py" line="241"/>
        <source>Cannot start</source>
        <translation>시작할 수 없음</translation>
    </message>
</context>
<context>
    <name>DemoFleet</name>
    <message>
        <location filename="../../deeplens_gui/ui/app.py" line="96"/>
        <source>Starting virtual DeepLens…</source>
        <translation>가상 DeepLens 시작 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/app.py" line="96"/>
        <source>{0} virtual cameras run on this computer for the demo.</source>
        <translation>데모를 위해 이 컴퓨터에서 가상 카메라 {0}대가 실행됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/app.py" line="133"/>
        <source>The virtual DeepLens did not start</source>
        <translation>가상 DeepLens를 시작하지 못했습니다</translation>
    </message>
</context>
<context>
    <name>DeployDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="254"/>
        <source>Deploying {0} to {1}</source>
        <translation>{1}에 {0} 배포 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="258"/>
        <source>Deploying {0} to {1}.</source>
        <translation>{1}에 {0}을(를) 배포합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="271"/>
        <source>Preparing the project…</source>
        <translation>프로젝트 준비 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="275"/>
        <source>Cancel deploy</source>
        <translation>배포 취소</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="324"/>
        <source>Cancelling: the device gets back what ran before…</source>
        <translation>취소 중: 디바이스를 이전에 실행하던 상태로 되돌립니다…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="333"/>
        <source>Cancelled the deploy to {0} before it started; nothing changed.</source>
        <translation>{0} 배포를 시작 전에 취소했습니다. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="339"/>
        <source>Deploying {0} ({1})…</source>
        <translation>{0} 배포 중 ({1})…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="344"/>
        <source>Nothing changed on {0}: {1}</source>
        <translation>{0}에서 바뀐 것이 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="354"/>
        <source>The deploy to {0} stopped: {1}</source>
        <translation>{0} 배포가 중단되었습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="383"/>
        <source>Elapsed {0}</source>
        <translation>경과 시간 {0}</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="352"/>
        <source>Device</source>
        <translation>디바이스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="431"/>
        <source>No device</source>
        <translation>디바이스 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="375"/>
        <source>Deploy mask detection</source>
        <translation>마스크 감지 배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="376"/>
        <source>Deploy face detection</source>
        <translation>얼굴 감지 배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="377"/>
        <source>Deploy Lambda version…</source>
        <translation>Lambda 버전 배포…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="378"/>
        <source>Replace what runs on the device with the bundled mask detection project</source>
        <translation>디바이스에서 실행 중인 것을 내장 마스크 감지 프로젝트로 바꿉니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="380"/>
        <source>Replace what runs on the device with the bundled face detection project</source>
        <translation>디바이스에서 실행 중인 것을 내장 얼굴 감지 프로젝트로 바꿉니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="382"/>
        <source>Deploy a published version of an AWS Lambda function</source>
        <translation>게시된 AWS Lambda 함수 버전을 배포합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="397"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="398"/>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="399"/>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="400"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="487"/>
        <source>mask detection</source>
        <translation>마스크 감지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="487"/>
        <source>face detection</source>
        <translation>얼굴 감지</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="138"/>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="144"/>
        <source>Something went wrong inside DeepLens Console. The app keeps running, but the last action may not have finished. Please report this with the details below.

{summary}</source>
        <translation>DeepLens 콘솔 내부에서 문제가 발생했습니다. 앱은 계속 실행되지만 마지막 작업이 끝나지 않았을 수 있습니다. 아래 세부 정보와 함께 알려 주세요.

{summary}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="155"/>
        <source>Copy details</source>
        <translation>세부 정보 복사</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="116"/>
        <source>Filter by name or label</source>
        <translation>이름 또는 레이블로 필터</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="119"/>
        <source>All states</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="120"/>
        <source>Needs attention</source>
        <translation>확인 필요</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="124"/>
        <source>Sort by name</source>
        <translation>이름순 정렬</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="125"/>
        <source>Sort by state</source>
        <translation>상태순 정렬</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="127"/>
        <source>Select all</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="275"/>
        <source>{0} of {1} devices</source>
        <translation>디바이스 {1}대 중 {0}대</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="415"/>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="415"/>
        <source>Outcome</source>
        <translation>처리 결과</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="415"/>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="415"/>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="415"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="424"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="447"/>
        <source>deployed</source>
        <translation>배포됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="447"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="447"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="454"/>
        <source>{0}, rolled back</source>
        <translation>{0}, 롤백됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="471"/>
        <source>{0} deploys, newest first.</source>
        <translation>배포 {0}건, 최신순.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="471"/>
        <source>No deploys recorded on this device yet.</source>
        <translation>이 디바이스에는 아직 기록된 배포가 없습니다.</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="33"/>
        <source>Unknown host key</source>
        <translation>알 수 없는 호스트 키</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="35"/>
        <source>unknown type</source>
        <translation>알 수 없는 유형</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="36"/>
        <source>{host} is not known yet. Do you trust this device and want to connect?</source>
        <translation>{host}은(는) 아직 알려지지 않은 호스트입니다. 이 디바이스를 신뢰하고 연결하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="38"/>
        <source>Key type: {type}
Fingerprint: {fingerprint}

Compare the fingerprint with the one the device shows (on the device: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). If they differ, someone may be impersonating the camera: answer No.</source>
        <translation>키 유형: {type}
지문: {fingerprint}

이 지문을 디바이스에 표시되는 지문과 비교하세요(디바이스에서: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). 서로 다르면 누군가 카메라를 사칭하고 있을 수 있습니다: 연결하지 마세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="45"/>
        <source>Trust and connect</source>
        <translation>신뢰하고 연결</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="46"/>
        <source>Don&apos;t connect</source>
        <translation>연결 안 함</translation>
    </message>
</context>
<context>
    <name>HostKeysDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="64"/>
        <source>Review host keys</source>
        <translation>호스트 키 검토</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="66"/>
        <source>These cameras answered with SSH host keys that are not known yet. Compare each fingerprint with the one the camera shows (on the camera: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and check only the ones that match.</source>
        <translation>이 카메라들은 아직 알려지지 않은 SSH 호스트 키로 응답했습니다. 각 지문을 카메라에 표시되는 지문(카메라에서: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub)과 비교하고 일치하는 것만 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="72"/>
        <source>Device</source>
        <translation>디바이스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="72"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="72"/>
        <source>Key type</source>
        <translation>키 유형</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="72"/>
        <source>Fingerprint</source>
        <translation>지문</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="90"/>
        <source>Trust checked keys</source>
        <translation>선택한 키 신뢰</translation>
    </message>
</context>
<context>
    <name>LambdaVersionDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="398"/>
        <source>Deploy a Lambda version</source>
        <translation>Lambda 버전 배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="399"/>
        <source>Deploy a published version of an AWS Lambda function to the device. Leave the version empty for the newest published version.</source>
        <translation>게시된 AWS Lambda 함수 버전을 디바이스에 배포합니다. 버전을 비워 두면 가장 최근에 게시된 버전을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="403"/>
        <source>deeplens-mask-detection</source>
        <translation>deeplens-mask-detection</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="405"/>
        <source>newest</source>
        <translation>최신</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="410"/>
        <source>Function name:</source>
        <translation>함수 이름:</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="411"/>
        <source>Version:</source>
        <translation>버전:</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="413"/>
        <source>Deploy</source>
        <translation>배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="430"/>
        <source>Enter the Lambda function&apos;s name.</source>
        <translation>Lambda 함수 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="432"/>
        <source>A Lambda function name has only letters, digits, &apos;-&apos;, &apos;_&apos; (or is an ARN).</source>
        <translation>Lambda 함수 이름에는 영문자, 숫자, '-', '_'만 쓸 수 있습니다(또는 ARN).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="434"/>
        <source>The version is a number such as 3 (leave it empty for the newest).</source>
        <translation>버전은 3과 같은 숫자입니다(최신 버전을 쓰려면 비워 두세요).</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="77"/>
        <source>Project log</source>
        <translation>프로젝트 로그</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="78"/>
        <source>Runner log</source>
        <translation>러너 로그</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="79"/>
        <source>The project log is the runner&apos;s project.log after an SSH deploy, or the Greengrass Lambda log on a cloud-managed DeepLens</source>
        <translation>프로젝트 로그는 SSH 배포 후에는 러너의 project.log이고, 클라우드로 관리하는 DeepLens에서는 Greengrass Lambda 로그입니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="81"/>
        <source>Follow</source>
        <translation>따라가기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="89"/>
        <source>The log appears here.</source>
        <translation>로그가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="139"/>
        <source>There is no log on the device yet (nothing was deployed, or the project has not written anything).</source>
        <translation>디바이스에 아직 로그가 없습니다(배포한 것이 없거나 프로젝트가 아직 아무것도 쓰지 않았습니다).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="142"/>
        <source>{0}, the last {1} lines</source>
        <translation>{0}, 마지막 {1}줄</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="80"/>
        <source>Could not encode the frame as PNG.</source>
        <translation>프레임을 PNG로 인코딩할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="149"/>
        <source>DeepLens Console</source>
        <translation>DeepLens 콘솔</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="180"/>
        <source>Viewer</source>
        <translation>뷰어</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="181"/>
        <source>Classroom</source>
        <translation>교실</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="223"/>
        <source>&amp;Snapshot…</source>
        <translation>스냅샷(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="224"/>
        <source>Save the current frame as a PNG image</source>
        <translation>현재 프레임을 PNG 이미지로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="225"/>
        <source>&amp;Full Screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="227"/>
        <source>Leave Full Screen</source>
        <translation>전체 화면 나가기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="230"/>
        <source>Information &amp;Overlay</source>
        <translation>정보 오버레이(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="233"/>
        <source>&amp;Connect</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="234"/>
        <source>Connect to the device typed in the device bar</source>
        <translation>디바이스 막대에 입력한 디바이스에 연결합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="235"/>
        <source>&amp;Disconnect</source>
        <translation>연결 끊기(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="236"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="238"/>
        <source>S&amp;ettings…</source>
        <translation>설정(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="240"/>
        <source>Language, appearance, folders, frame rates and AWS</source>
        <translation>언어, 모양, 폴더, 프레임 속도, AWS</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="241"/>
        <source>&amp;Workshop Guide</source>
        <translation>워크숍 가이드(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="242"/>
        <source>Connect, watch, deploy the mask project and check the result</source>
        <translation>연결, 보기, 마스크 프로젝트 배포, 결과 확인</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="244"/>
        <source>&amp;About DeepLens Console</source>
        <translation>DeepLens 콘솔 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="246"/>
        <source>&amp;Open Roster…</source>
        <translation>명단 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="248"/>
        <source>&amp;Edit Roster…</source>
        <translation>명단 편집(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="249"/>
        <source>&amp;Classroom Grid</source>
        <translation>교실 그리드(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="251"/>
        <source>Single &amp;Viewer</source>
        <translation>단일 뷰어(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="253"/>
        <source>Deploy &amp;Mask Detection</source>
        <translation>마스크 감지 배포(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="255"/>
        <source>Deploy &amp;Face Detection</source>
        <translation>얼굴 감지 배포(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="257"/>
        <source>Deploy &amp;Lambda Version…</source>
        <translation>Lambda 버전 배포(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="259"/>
        <source>&amp;Record</source>
        <translation>녹화(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="261"/>
        <source>Record the stream to a file (MJPEG as received, or MP4)</source>
        <translation>스트림을 파일로 녹화합니다(받은 그대로 MJPEG, 또는 MP4)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="263"/>
        <source>Device &amp;Panel</source>
        <translation>디바이스 패널(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="266"/>
        <source>Show the device&apos;s status, log, results and history</source>
        <translation>디바이스의 상태, 로그, 결과, 기록을 표시합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="279"/>
        <source>Device</source>
        <translation>디바이스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="286"/>
        <source>Device </source>
        <translation>디바이스 </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="292"/>
        <source>aws_cam@192.168.1.20 or ssh alias</source>
        <translation>aws_cam@192.168.1.20 또는 ssh 별칭</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="293"/>
        <source>[user@]host[:port], or a Host alias from your ssh config</source>
        <translation>[user@]host[:port] 또는 ssh config의 Host 별칭</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="726"/>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="298"/>
        <source>Connect or disconnect (Ctrl+L)</source>
        <translation>연결 또는 연결 끊기 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="305"/>
        <source>Key </source>
        <translation>키 </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="307"/>
        <source>default keys / ssh config</source>
        <translation>기본 키 / ssh config</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="308"/>
        <source>Private key file (leave empty for your agent, ~/.ssh keys and ssh config)</source>
        <translation>개인 키 파일 (비워 두면 에이전트, ~/.ssh 키, ssh config 사용)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="313"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="314"/>
        <source>Choose a private key file</source>
        <translation>개인 키 파일 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="319"/>
        <source>Stream </source>
        <translation>스트림 </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="321"/>
        <source>Project stream ({0})</source>
        <translation>프로젝트 스트림 ({0})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="322"/>
        <source>Camera stream ({0})</source>
        <translation>카메라 스트림 ({0})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="323"/>
        <source>Other path…</source>
        <translation>다른 경로…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="333"/>
        <source>/path/on/device.mjpeg</source>
        <translation>/path/on/device.mjpeg</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="344"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="350"/>
        <source>&amp;Device</source>
        <translation>디바이스(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="360"/>
        <source>&amp;Classroom</source>
        <translation>교실(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="363"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="369"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="709"/>
        <source>Not connected</source>
        <translation>연결되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="454"/>
        <source>Cannot connect</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="475"/>
        <source>{0} – DeepLens Console</source>
        <translation>{0} – DeepLens 콘솔</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="584"/>
        <source>Classroom ({0})</source>
        <translation>교실 ({0})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="590"/>
        <source>Opening {0}…</source>
        <translation>{0} 여는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="601"/>
        <source>{0} devices from {1}</source>
        <translation>{1}에서 디바이스 {0}대</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="624"/>
        <source>Open a classroom roster</source>
        <translation>교실 명단 열기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="624"/>
        <source>Rosters (*.toml);;All files (*)</source>
        <translation>명단 (*.toml);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="674"/>
        <source>{0:.1f} fps</source>
        <translation>{0:.1f} fps</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="688"/>
        <source>Not connected: the host key was not trusted</source>
        <translation>연결되지 않음: 호스트 키를 신뢰하지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="688"/>
        <source>{host} presented the key {fingerprint}. Nothing was recorded; connect again to be asked again.</source>
        <translation>{host}이(가) 키 {fingerprint}을(를) 제시했습니다. 아무것도 기록하지 않았습니다. 다시 연결하면 다시 묻습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="692"/>
        <source>{0} – host key not trusted</source>
        <translation>{0} – 호스트 키를 신뢰하지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="694"/>
        <source>Recording the host key of {0}…</source>
        <translation>{0}의 호스트 키 기록 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="704"/>
        <source>Cannot record the host key</source>
        <translation>호스트 키를 기록할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="705"/>
        <source>Host key not recorded</source>
        <translation>호스트 키가 기록되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="710"/>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="711"/>
        <source>No project running</source>
        <translation>실행 중인 프로젝트 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="712"/>
        <source>Live</source>
        <translation>라이브</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="713"/>
        <source>Stalled</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="714"/>
        <source>Reconnecting</source>
        <translation>다시 연결 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="715"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="716"/>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="726"/>
        <source>Disconnect</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="731"/>
        <source>Stop &amp;Recording</source>
        <translation>녹화 중지(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="731"/>
        <source>&amp;Record…</source>
        <translation>녹화(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="762"/>
        <source>Choose a private key</source>
        <translation>개인 키 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="762"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="774"/>
        <source>No frame to save yet.</source>
        <translation>아직 저장할 프레임이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="779"/>
        <source>Save snapshot</source>
        <translation>스냅샷 저장</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="779"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="792"/>
        <source>Snapshot saved to {0}</source>
        <translation>스냅샷을 {0}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="797"/>
        <source>Snapshot not saved</source>
        <translation>스냅샷이 저장되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="808"/>
        <source>Record the stream</source>
        <translation>스트림 녹화</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="808"/>
        <source>MJPEG as received (*.mjpeg);;MP4 video (*.mp4)</source>
        <translation>받은 그대로 MJPEG (*.mjpeg);;MP4 동영상 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="823"/>
        <source>Recording to {0}</source>
        <translation>{0}에 녹화 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="837"/>
        <source>Recording not saved</source>
        <translation>녹화가 저장되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="839"/>
        <source>Recording saved to {0}: {1} frames, {2}.</source>
        <translation>녹화를 {0}에 저장했습니다: 프레임 {1}개, {2}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="881"/>
        <source>The new language is used the next time DeepLens Console starts.</source>
        <translation>새 언어는 DeepLens 콘솔을 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="887"/>
        <source>Settings not saved</source>
        <translation>설정이 저장되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="527"/>
        <source>{0} is no longer shown in the viewer: connect to it again.</source>
        <translation>{0}은(는) 더 이상 뷰어에 표시되지 않습니다. 다시 연결하세요.</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="109"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="130"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="344"/>
        <source>Recording to {0}</source>
        <translation>{0}에 녹화 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="356"/>
        <source>REC {0} · {1} frames</source>
        <translation>REC {0} · 프레임 {1}개</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="279"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="279"/>
        <source>Label</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="279"/>
        <source>Probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="279"/>
        <source>Boxes</source>
        <translation>상자</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="323"/>
        <source>The latest {0} results, newest first (topic {1}).</source>
        <translation>최근 결과 {0}개, 최신순 (토픽 {1}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="323"/>
        <source>The project has not published any results yet.</source>
        <translation>프로젝트가 아직 결과를 게시하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="50"/>
        <source>Classroom roster</source>
        <translation>교실 명단</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="55"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="55"/>
        <source>Target (user@host:port or ssh alias)</source>
        <translation>대상 (user@host:port 또는 ssh 별칭)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="55"/>
        <source>Key file</source>
        <translation>키 파일</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="55"/>
        <source>Label (student)</source>
        <translation>레이블 (학생)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="66"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="67"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="68"/>
        <source>Import CSV…</source>
        <translation>CSV 가져오기…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="69"/>
        <source>Import from ssh config</source>
        <translation>ssh config에서 가져오기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="70"/>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="81"/>
        <source>Import and save messages appear here.</source>
        <translation>가져오기와 저장 메시지가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="83"/>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="126"/>
        <source>Not saved yet</source>
        <translation>아직 저장되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="166"/>
        <source>Row {0}</source>
        <translation>{0}행</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="168"/>
        <source>{0}: the name is empty.</source>
        <translation>{0}: 이름이 비어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="171"/>
        <source>{0}: the name {1!r} is already used on row {2}.</source>
        <translation>{0}: 이름 {1!r}은(는) 이미 {2}행에서 사용 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="202"/>
        <source>from {0}</source>
        <translation>{0}에서</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="212"/>
        <source>from the ssh config</source>
        <translation>ssh config에서</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="220"/>
        <source>{0!r} is already in the roster; not imported again.</source>
        <translation>{0!r}은(는) 이미 명단에 있어 다시 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="226"/>
        <source>Imported {0} device(s) {1}.</source>
        <translation>디바이스 {0}대를 {1} 가져왔습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="228"/>
        <source>{0} row(s) were not imported:</source>
        <translation>{0}개 행을 가져오지 못했습니다:</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="234"/>
        <source>Import devices from CSV</source>
        <translation>CSV에서 디바이스 가져오기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="234"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 파일 (*.csv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="251"/>
        <source>Opened {0} ({1} devices).</source>
        <translation>{0}을(를) 열었습니다 (디바이스 {1}대).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="255"/>
        <source>Open a roster</source>
        <translation>명단 열기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="255"/>
        <source>Rosters (*.toml);;All files (*)</source>
        <translation>명단 (*.toml);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="268"/>
        <source>Not saved:</source>
        <translation>저장되지 않음:</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="272"/>
        <source>Save the roster</source>
        <translation>명단 저장</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="293"/>
        <source>Rosters (*.toml)</source>
        <translation>명단 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="281"/>
        <source>Not saved: {0}</source>
        <translation>저장되지 않음: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="287"/>
        <source>Saved {0} device(s) to {1}.</source>
        <translation>디바이스 {0}대를 {1}에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="293"/>
        <source>Save the roster as</source>
        <translation>다른 이름으로 명단 저장</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="143"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="148"/>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="152"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="153"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="154"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="155"/>
        <source>Choose the known_hosts file</source>
        <translation>known_hosts 파일 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="157"/>
        <source>Choose the ssh config file</source>
        <translation>ssh config 파일 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="158"/>
        <source>Choose the snapshot folder</source>
        <translation>스냅샷 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="160"/>
        <source>Choose the recording folder</source>
        <translation>녹화 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="165"/>
        <source>default credentials</source>
        <translation>기본 자격 증명</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="166"/>
        <source>A profile from ~/.aws/config; empty uses AWS_PROFILE or the default credentials</source>
        <translation>~/.aws/config의 프로필. 비워 두면 AWS_PROFILE 또는 기본 자격 증명을 사용합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="171"/>
        <source>AWS DeepLens was available in us-east-1</source>
        <translation>AWS DeepLens는 us-east-1 리전에서 제공되었습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="174"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="175"/>
        <source>&amp;Appearance:</source>
        <translation>모양(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="176"/>
        <source>&amp;known_hosts file:</source>
        <translation>known_hosts 파일(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="177"/>
        <source>SSH &amp;config file:</source>
        <translation>SSH config 파일(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="178"/>
        <source>&amp;Snapshot folder:</source>
        <translation>스냅샷 폴더(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="179"/>
        <source>&amp;Recording folder:</source>
        <translation>녹화 폴더(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="180"/>
        <source>&amp;Viewer frame rate limit:</source>
        <translation>뷰어 프레임 속도 제한(&amp;V):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="181"/>
        <source>Classroom &amp;grid frame rate limit:</source>
        <translation>교실 그리드 프레임 속도 제한(&amp;G):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="182"/>
        <source>AWS &amp;profile:</source>
        <translation>AWS 프로필(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="183"/>
        <source>AWS &amp;region:</source>
        <translation>AWS 리전(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="184"/>
        <source>A new language is used the next time DeepLens Console starts. Frame rate limits apply to new connections.</source>
        <translation>새 언어는 DeepLens 콘솔을 다음에 시작할 때 적용됩니다. 프레임 속도 제한은 새 연결부터 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="208"/>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="241"/>
        <source>“{0}” is not an AWS region; use a name like us-east-1.</source>
        <translation>“{0}”은(는) AWS 리전이 아닙니다. us-east-1 같은 이름을 쓰세요.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="304"/>
        <source>Not checked</source>
        <translation>확인 안 함</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="256"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="257"/>
        <source>Check the device&apos;s status now</source>
        <translation>지금 디바이스 상태 확인</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="307"/>
        <source>Connect to a device to see its status.</source>
        <translation>디바이스에 연결하면 상태가 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="268"/>
        <source>Device health</source>
        <translation>디바이스 상태</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="269"/>
        <source>Deployed</source>
        <translation>배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="270"/>
        <source>Cloud</source>
        <translation>클라우드</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="316"/>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="307"/>
        <source>Checking {0}…</source>
        <translation>{0} 확인 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="350"/>
        <source>Checked at {0}</source>
        <translation>{0}에 확인함</translation>
    </message>
</context>
<context>
    <name>StepListView</name>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="85"/>
        <source>waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="86"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="87"/>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="88"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="89"/>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="90"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="91"/>
        <source>rolled back</source>
        <translation>롤백됨</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="141"/>
        <source>No device connected</source>
        <translation>연결된 디바이스 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="141"/>
        <source>Enter a device above (user@host:port or an ssh alias) and press Connect.</source>
        <translation>위에 디바이스(user@host:port 또는 ssh 별칭)를 입력하고 연결을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="144"/>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="146"/>
        <source>No project is running on the device</source>
        <translation>디바이스에서 실행 중인 프로젝트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="151"/>
        <source>Stream stalled, last frame {0} s ago</source>
        <translation>스트림 멈춤, 마지막 프레임 {0}초 전</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="152"/>
        <source>Stream stalled</source>
        <translation>스트림 멈춤</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="155"/>
        <source>Reconnecting, last frame {0} s ago</source>
        <translation>다시 연결 중, 마지막 프레임 {0}초 전</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="156"/>
        <source>Reconnecting…</source>
        <translation>다시 연결 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="159"/>
        <source>Cannot stream from this device</source>
        <translation>이 디바이스에서 스트리밍할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="160"/>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="165"/>
        <source>{0:.1f} fps</source>
        <translation>{0:.1f} fps</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="167"/>
        <source>{0} × {1}</source>
        <translation>{0} × {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="170"/>
        <source>frame age {0:.1f} s</source>
        <translation>프레임 지연 {0:.1f}초</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="172"/>
        <source>Live</source>
        <translation>라이브</translation>
    </message>
</context>
<context>
    <name>WorkshopGuideDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="45"/>
        <source>Workshop guide</source>
        <translation>워크숍 가이드</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="59"/>
        <source>1. Connect to your DeepLens</source>
        <translation>1. DeepLens에 연결하기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="108"/>
        <source>DeepLens workshop guide</source>
        <translation>DeepLens 워크숍 가이드</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="59"/>
        <source>Type the camera&apos;s address in the device bar, for example &lt;b&gt;aws_cam@192.168.1.20&lt;/b&gt;, or a Host alias from your ssh config, and press &lt;b&gt;Connect&lt;/b&gt; (Ctrl+L).</source>
        <translation>디바이스 막대에 카메라 주소(예: &lt;b&gt;aws_cam@192.168.1.20&lt;/b&gt;) 또는 ssh config의 Host 별칭을 입력하고 &lt;b&gt;연결&lt;/b&gt;(Ctrl+L)을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="59"/>
        <source>The first time, the app shows the camera&apos;s &lt;b&gt;host key fingerprint&lt;/b&gt;. Compare it with the one your instructor gives you and choose &lt;b&gt;Trust and connect&lt;/b&gt; only if they match; the key is then remembered in your known_hosts file.</source>
        <translation>처음 연결할 때 앱이 카메라의 &lt;b&gt;호스트 키 지문&lt;/b&gt;을 보여 줍니다. 강사가 알려 준 지문과 비교해서 같을 때만 &lt;b&gt;신뢰하고 연결&lt;/b&gt;을 고르세요. 그러면 키가 known_hosts 파일에 기억됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="59"/>
        <source>If you use a key file, choose it with the &lt;b&gt;…&lt;/b&gt; button next to &lt;i&gt;Key&lt;/i&gt;; otherwise your SSH agent and ~/.ssh keys are tried.</source>
        <translation>키 파일을 쓴다면 &lt;i&gt;키&lt;/i&gt; 옆의 &lt;b&gt;…&lt;/b&gt; 버튼으로 고르세요. 비워 두면 SSH 에이전트와 ~/.ssh의 키를 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="69"/>
        <source>2. Watch the stream</source>
        <translation>2. 스트림 보기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="69"/>
        <source>The &lt;b&gt;Project stream&lt;/b&gt; shows what the running project draws (boxes and labels); the &lt;b&gt;Camera stream&lt;/b&gt; shows the plain camera picture.</source>
        <translation>&lt;b&gt;프로젝트 스트림&lt;/b&gt;은 실행 중인 프로젝트가 그린 화면(상자와 레이블)을, &lt;b&gt;카메라 스트림&lt;/b&gt;은 카메라 원본 화면을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="69"/>
        <source>&lt;b&gt;Ctrl+I&lt;/b&gt; shows or hides the overlay with frame rate and size, &lt;b&gt;F11&lt;/b&gt; shows the video on the whole screen, &lt;b&gt;Ctrl+S&lt;/b&gt; saves a snapshot and &lt;b&gt;Ctrl+R&lt;/b&gt; records the stream.</source>
        <translation>&lt;b&gt;Ctrl+I&lt;/b&gt;는 프레임 속도와 크기를 보여 주는 오버레이를 켜고 끄며, &lt;b&gt;F11&lt;/b&gt;은 영상을 전체 화면으로, &lt;b&gt;Ctrl+S&lt;/b&gt;는 스냅샷 저장, &lt;b&gt;Ctrl+R&lt;/b&gt;은 스트림 녹화입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="69"/>
        <source>“No project is running on the device” means the camera works but nothing writes the project stream yet: deploy a project (next step).</source>
        <translation>“디바이스에서 실행 중인 프로젝트가 없습니다”는 카메라는 정상이지만 아직 프로젝트 스트림을 쓰는 것이 없다는 뜻입니다. 프로젝트를 배포하세요(다음 단계).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="78"/>
        <source>3. Deploy the mask detection project</source>
        <translation>3. 마스크 감지 프로젝트 배포하기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="78"/>
        <source>Open the &lt;b&gt;device panel&lt;/b&gt; (Ctrl+D) and press &lt;b&gt;Deploy mask detection&lt;/b&gt;, or use Device ▸ Deploy Mask Detection.</source>
        <translation>&lt;b&gt;디바이스 패널&lt;/b&gt;(Ctrl+D)을 열고 &lt;b&gt;마스크 감지 배포&lt;/b&gt;를 누르거나, 디바이스 ▸ 마스크 감지 배포 메뉴를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="78"/>
        <source>The deploy window lists each step: upload, install, start. If a step fails, the previous project is put back and the window says what to do.</source>
        <translation>배포 창에 업로드, 설치, 시작 등 각 단계가 표시됩니다. 단계가 실패하면 이전 프로젝트로 되돌리고 무엇을 해야 하는지 알려 줍니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="84"/>
        <source>4. Check the result</source>
        <translation>4. 결과 확인하기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="84"/>
        <source>The project stream shows the verdict on the picture: &lt;b&gt;Mask&lt;/b&gt; (green) or &lt;b&gt;Not Mask&lt;/b&gt; (red), with the class the model saw and its probability.</source>
        <translation>프로젝트 스트림 화면에 판정이 표시됩니다: &lt;b&gt;Mask&lt;/b&gt;(초록) 또는 &lt;b&gt;Not Mask&lt;/b&gt;(빨강)와 함께 모델이 인식한 클래스와 확률이 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="84"/>
        <source>The &lt;b&gt;Results&lt;/b&gt; tab of the device panel lists the same results as text, newest first; the &lt;b&gt;Status&lt;/b&gt; tab must say &lt;b&gt;Running&lt;/b&gt;. The &lt;b&gt;Log&lt;/b&gt; tab shows the project&apos;s log when something goes wrong.</source>
        <translation>디바이스 패널의 &lt;b&gt;결과&lt;/b&gt; 탭에는 같은 결과가 최신순으로 글자로 나옵니다. &lt;b&gt;상태&lt;/b&gt; 탭은 &lt;b&gt;실행 중&lt;/b&gt;이어야 합니다. 문제가 생기면 &lt;b&gt;로그&lt;/b&gt; 탭에서 프로젝트 로그를 보세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="91"/>
        <source>5. Classroom mode (instructors)</source>
        <translation>5. 교실 모드 (강사용)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="91"/>
        <source>&lt;b&gt;Classroom ▸ Open Roster…&lt;/b&gt; (Ctrl+O) shows every student's camera in a grid (Ctrl+2; Ctrl+1 goes back to the single viewer). Double-click a tile to watch it in the viewer.</source>
        <translation>&lt;b&gt;교실 ▸ 명단 열기…&lt;/b&gt;(Ctrl+O)를 누르면 모든 학생의 카메라가 그리드로 보입니다(Ctrl+2, 단일 뷰어로 돌아가려면 Ctrl+1). 타일을 두 번 클릭하면 뷰어에서 크게 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="91"/>
        <source>Select tiles to deploy a project to many cameras at once, or to reboot them.</source>
        <translation>타일을 선택해서 여러 카메라에 한 번에 프로젝트를 배포하거나 재부팅할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="97"/>
        <source>When something goes wrong</source>
        <translation>문제가 생겼을 때</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="97"/>
        <source>Every error says what to do. The most common: a wrong address or port (check the camera&apos;s IP), &lt;i&gt;authentication failed&lt;/i&gt; (check the user name and key), &lt;i&gt;host key changed&lt;/i&gt; (the camera was reinstalled: ask your instructor before removing the old key) and &lt;i&gt;no project running&lt;/i&gt; (deploy one).</source>
        <translation>모든 오류 메시지는 무엇을 해야 하는지 알려 줍니다. 가장 흔한 경우: 주소나 포트가 틀림(카메라 IP 확인), &lt;i&gt;인증 실패&lt;/i&gt;(사용자 이름과 키 확인), &lt;i&gt;호스트 키 변경&lt;/i&gt;(카메라를 다시 설치한 경우: 예전 키를 지우기 전에 강사에게 물어보세요), &lt;i&gt;실행 중인 프로젝트 없음&lt;/i&gt;(프로젝트 배포).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="97"/>
        <source>The full user guide is docs/USER_GUIDE.md in the project.</source>
        <translation>전체 사용자 가이드는 프로젝트의 docs/USER_GUIDE.md에 있습니다.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="379"/>
        <source>Deploy a project</source>
        <translation>프로젝트 배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="379"/>
        <source>Project to deploy to {0} device(s): mask or face (bundled), a project folder, or lambda:NAME[:VERSION]</source>
        <translation>디바이스 {0}대에 배포할 프로젝트: mask 또는 face(내장), 프로젝트 폴더, 또는 lambda:NAME[:VERSION]</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="394"/>
        <source>Reboot devices</source>
        <translation>디바이스 재부팅</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="395"/>
        <source>Reboot {0} device(s)? Their projects stop until they are back (about a minute).</source>
        <translation>디바이스 {0}대를 재부팅할까요? 다시 켜질 때까지(약 1분) 프로젝트가 멈춥니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="399"/>
        <source>Reboot</source>
        <translation>재부팅</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="400"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
</TS>
